package cli

import (
	"context"
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
	"mps/ui"
)

const appSecretWarning = "Calls go without appsecret_proof."

// An unreachable keyring leaves the app secret unknown (the token comes
// from MPS_TOKEN, so the commands still run).
func unreachableKeyring(t *testing.T) *harness {
	h := seededHarness(t)
	h.env[store.EnvToken] = sandbox.DemoToken
	h.keyring.FailWith(store.ErrKeyringTimeout)
	return h
}

// mps warns once per run, in sentences, and only in commands that would
// sign calls with the secret.
func TestAppSecretKeyringWarningOncePerRunAsASentence(t *testing.T) {
	h := unreachableKeyring(t)
	for _, args := range [][]string{{"status"}, {"status", "--json"}, {"solutions"}, {"customers"}} {
		r := h.mustRun(args...)
		if n := strings.Count(r.stderr, appSecretWarning); n != 1 {
			t.Errorf("mps %v: the warning appears %d times, want once:\n%s", args, n, r.stderr)
		}
		if !strings.Contains(r.stderr, "or set MPS_APP_SECRET. "+appSecretWarning) {
			t.Errorf("mps %v: the warning is not in sentences:\n%s", args, r.stderr)
		}
	}
	for _, args := range [][]string{{"profile", "show"}, {"events"}, {"help"}} {
		if r := h.run(args...); strings.Contains(r.stderr, appSecretWarning) {
			t.Errorf("mps %v uses no app secret, yet warns:\n%s", args, r.stderr)
		}
	}
}

// The dashboard owns the terminal while it runs: the warning comes after
// it has given the terminal back, never before it draws.
func TestAppSecretWarningWaitsForTheDashboard(t *testing.T) {
	h := unreachableKeyring(t)
	h.terminal = true
	ran := false
	h.tui = func(ctx context.Context, cfg ui.Config) error {
		ran = true
		if strings.Contains(h.stderr.String(), appSecretWarning) {
			t.Errorf("the warning was printed before the dashboard ran:\n%s", h.stderr)
		}
		return nil
	}
	r := h.mustRun()
	if !ran {
		t.Fatal("the dashboard did not run")
	}
	if strings.Count(r.stderr, appSecretWarning) != 1 {
		t.Errorf("after the dashboard the warning appears %d times, want once:\n%s", strings.Count(r.stderr, appSecretWarning), r.stderr)
	}
}

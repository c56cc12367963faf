package cli

import (
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store"
)

func TestSolutionsFromAServerThatNeverAnswersEndsWithTheTimeout(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	silent, accepted := sandboxtest.StartSilent(t)
	h.env[store.EnvGraphURL] = silent
	host := strings.TrimPrefix(silent, "http://")
	for _, setting := range []struct {
		args []string
		env  string
	}{{[]string{"--timeout", "200ms"}, ""}, {nil, "200ms"}} {
		h.env[store.EnvTimeout] = setting.env
		r := h.run(append(setting.args, "solutions")...)
		wantExit(t, r, ExitError, "solutions")
		want := host + " did not answer within 200ms. Check the network, or raise --timeout (MPS_TIMEOUT)."
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr %q lacks %q", r.stderr, want)
		}
	}
	// One connection per role chain (owner, partner) in each run: none retried.
	if n := accepted(); n != 4 {
		t.Errorf("%d connections for two runs of two role chains, want 4", n)
	}
}

func TestBadTimeoutIsAUsageError(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	for _, c := range []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"--timeout", "30"}, "", `--timeout: timeout "30" is not a duration`},
		{[]string{"--timeout", "0"}, "", "must be more than zero"},
		{nil, "-1s", "MPS_TIMEOUT: timeout -1s must be more than zero"},
	} {
		h.env[store.EnvTimeout] = c.env
		r := h.run(append(c.args, "solutions")...)
		wantExit(t, r, ExitUsage, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("stderr %q lacks %q", r.stderr, c.want)
		}
	}
	if n := len(h.sandbox.Requests()); n != 0 {
		t.Errorf("%d requests despite a bad timeout", n)
	}
}

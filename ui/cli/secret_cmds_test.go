package cli

import (
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
)

const (
	testAppSecret   = "0123456789abcdef0123456789abcdef" // the shape of Meta's app secrets
	testVerifyToken = "a verify token we chose"
)

// storedSecret is what the fake keyring holds for kind in profile, or "".
func storedSecret(h *harness, kind store.SecretKind, profile string) string {
	v, _ := h.keyring.Get(store.Service, kind.Account(profile))
	return v
}

func wantNotPrinted(t *testing.T, r result, value string) {
	t.Helper()
	if strings.Contains(r.stdout, value) || strings.Contains(r.stderr, value) {
		t.Fatalf("the secret was printed:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
	}
}

func TestSecretSetOnATerminalReadsAHiddenPrompt(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.terminal = true
	h.password = testAppSecret // the harness fails the run if it is ever printed
	r := h.mustRun("secret", "set", "app-secret")
	if got := storedSecret(h, store.AppSecret, store.DefaultProfile); got != testAppSecret {
		t.Fatalf("keyring holds %q", got)
	}
	if !strings.Contains(r.stderr, "input is hidden") {
		t.Errorf("no hidden prompt: %s", r.stderr)
	}
	if !strings.Contains(r.stdout, "keyring (service mps, account default:app_secret)") {
		t.Errorf("does not say where the secret went: %s", r.stdout)
	}
	if got := storedSecret(h, store.AccessToken, store.DefaultProfile); got != sandbox.DemoToken {
		t.Errorf("the token entry changed to %q", got)
	}
}

func TestSecretSetWithValueReadsStandardInput(t *testing.T) {
	for _, c := range []struct {
		args    []string
		value   string
		kind    store.SecretKind
		profile string
	}{
		{[]string{"secret", "set", "app-secret", "--with-value"}, testAppSecret, store.AppSecret, store.DefaultProfile},
		{[]string{"--profile", "staging", "secret", "set", "verify-token", "--with-value"}, testVerifyToken, store.VerifyToken, "staging"},
	} {
		h := newHarness(t, sandbox.Options{})
		r := h.runWithInput(c.value+"\n", c.args...)
		wantExit(t, r, ExitOK, c.args...)
		wantNotPrinted(t, r, c.value)
		if got := storedSecret(h, c.kind, c.profile); got != c.value {
			t.Errorf("mps %v stored %q, want %q", c.args, got, c.value)
		}
		if !strings.Contains(r.stdout, "account "+c.kind.Account(c.profile)) {
			t.Errorf("mps %v does not name the keyring account: %s", c.args, r.stdout)
		}
	}
}

func TestSecretSetRefusesWhileItsVariableIsSet(t *testing.T) {
	for _, n := range secretNames() {
		if n.kind.EnvVar() == "" {
			continue // the store password: PGPASSWORD comes after the keyring, not over it
		}
		h := newHarness(t, sandbox.Options{})
		h.env[n.kind.EnvVar()] = "from-the-environment-0123456789"
		r := h.runWithInput(testAppSecret, "secret", "set", n.name, "--with-value")
		wantExit(t, r, ExitUsage, "secret set", n.name, "with", n.kind.EnvVar(), "set")
		if !strings.Contains(r.stderr, n.kind.EnvVar()) || !strings.Contains(r.stderr, "wins") || !strings.Contains(r.stderr, "unset") {
			t.Errorf("the refusal does not explain: %s", r.stderr)
		}
		if h.keyring.Len() != 1 {
			t.Errorf("secret set %s stored something despite refusing", n.name)
		}
	}
	// Only the secret's own variable stands in the way.
	h := newHarness(t, sandbox.Options{})
	h.env[store.EnvVerifyToken] = testVerifyToken
	wantExit(t, h.runWithInput(testAppSecret, "secret", "set", "app-secret", "--with-value"), ExitOK, "secret set app-secret with MPS_VERIFY_TOKEN set")
	if storedSecret(h, store.AppSecret, store.DefaultProfile) != testAppSecret {
		t.Error("the app secret was not stored")
	}
}

func TestSecretSetRefusesWhatItCannotStore(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	cases := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{testAppSecret, []string{"secret", "set", "app-secret"}, ExitUsage, "--with-value"}, // no terminal
		{"", []string{"secret", "set", "app-secret", "--with-value"}, ExitUsage, "App Dashboard"},
		{testAppSecret, []string{"secret", "set", "token", "--with-value"}, ExitUsage, "mps login"},
		{testAppSecret, []string{"secret", "set"}, ExitUsage, "app-secret|verify-token"},
		{"first line\nsecond line", []string{"secret", "set", "verify-token", "--with-value"}, ExitError, "line breaks"},
		{testAppSecret, []string{"--demo", "secret", "set", "app-secret", "--with-value"}, ExitUsage, "demo"},
	}
	for _, c := range cases {
		r := h.runWithInput(c.stdin, c.args...)
		wantExit(t, r, c.code, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("mps %v: stderr lacks %q: %s", c.args, c.want, r.stderr)
		}
		if c.stdin != "" {
			wantNotPrinted(t, r, c.stdin)
		}
	}
	if h.keyring.Len() != 1 {
		t.Errorf("the keyring has %d entries; only the token should be there", h.keyring.Len())
	}
}

func TestSecretDeleteRemovesOnlyThatEntry(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	if err := h.keyring.Set(store.Service, store.VerifyToken.Account(store.DefaultProfile), testVerifyToken); err != nil {
		t.Fatal(err)
	}
	r := h.mustRun("secret", "delete", "verify-token")
	if !strings.Contains(r.stdout, "Removed the webhook verify token") || storedSecret(h, store.VerifyToken, store.DefaultProfile) != "" {
		t.Fatalf("not removed: %s", r.stdout)
	}
	if storedSecret(h, store.AccessToken, store.DefaultProfile) != sandbox.DemoToken {
		t.Error("secret delete removed the token too")
	}
	h.env[store.EnvVerifyToken] = testVerifyToken
	r = h.mustRun("secret", "delete", "verify-token")
	if !strings.Contains(r.stdout, "nothing to remove") || !strings.Contains(r.stderr, "MPS_VERIFY_TOKEN is still set") {
		t.Errorf("second delete:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
	}
	wantExit(t, h.run("secret", "delete", "app_secret"), ExitUsage, "secret delete app_secret")
}

func TestSecretStatusSaysWhereEachComesFromMasked(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.mustRun("secret", "status") // nothing set is not an error
	h.runWithInput(testAppSecret, "secret", "set", "app-secret", "--with-value")
	h.env[store.EnvVerifyToken] = testVerifyToken
	r := h.mustRun("secret", "status")
	wantNotPrinted(t, r, testAppSecret)
	wantNotPrinted(t, r, testVerifyToken)
	for _, want := range []string{
		store.MaskToken(testAppSecret) + " from keyring (service mps, account default:app_secret)",
		store.MaskToken(testVerifyToken) + " from MPS_VERIFY_TOKEN",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("secret status lacks %q:\n%s", want, r.stdout)
		}
	}
	delete(h.env, store.EnvVerifyToken)
	if r := h.mustRun("secret", "status"); !strings.Contains(r.stdout, "not set (run `mps secret set verify-token`") {
		t.Errorf("an unset verify token is not reported:\n%s", r.stdout)
	}
	h.keyring.FailWith(store.ErrKeyringTimeout)
	r = h.run("secret", "status")
	wantExit(t, r, ExitError, "secret status with a stuck keyring")
	if !strings.Contains(r.stdout, "unknown") || !strings.Contains(r.stderr, "Unlock the keyring") {
		t.Errorf("a stuck keyring is not reported:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
	}
}

// The stored app secret is what the client signs calls with: an app that
// requires appsecret_proof refuses calls until it is stored.
func TestStoredAppSecretSwitchesOnAppsecretProof(t *testing.T) {
	h := newHarness(t, sandbox.Options{AppSecret: testAppSecret})
	if r := h.run("solutions"); r.code == ExitOK {
		t.Fatal("the sandbox accepted a call without appsecret_proof")
	}
	h.runWithInput(testAppSecret, "secret", "set", "app-secret", "--with-value")
	h.mustRun("solutions")
	h.mustRun("secret", "delete", "app-secret")
	if r := h.run("solutions"); r.code == ExitOK {
		t.Fatal("calls still carry a proof after the secret was deleted")
	}
}

func TestAMissingSecretPointsToSecretSet(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	r := h.run("--profile", "staging", "webhook", "serve", "--addr", "127.0.0.1:0")
	wantExit(t, r, ExitError, "webhook serve without an app secret")
	if !strings.Contains(r.stderr, "mps secret set app-secret --profile staging") {
		t.Errorf("the error does not say how to store the app secret: %s", r.stderr)
	}
}

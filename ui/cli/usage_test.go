package cli

import (
	"errors"
	"strings"
	"testing"

	"mps/graph/sandbox"
)

func TestUsageErrorsExit2WithAHint(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	cases := [][]string{
		{"frobnicate"},
		{"solutions", "--no-such-flag"},
		{"solution"},
		{"solution", "12", "34"},
		{"solution", "12ab"},
		{"partners", "../me"},
		{"accept", "1;DROP"},
		{"solutions", "extra"},
		{"--profile", "bad:name", "solutions"},
		{"--graph-url", "http://example.com", "solutions"},
		{"--app-id", "x1", "solutions"},
	}
	for _, args := range cases {
		r := h.run(args...)
		wantExit(t, r, ExitUsage, args...)
		if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "mps: ") {
			t.Errorf("mps %v: error is not one line: %q", args, r.stderr)
		}
	}
	if n := len(h.sandbox.Requests()); n != 0 {
		t.Errorf("usage errors sent %d requests", n)
	}
}

func TestMissingIDsSayHowToSetThem(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	delete(h.env, "MPS_APP_ID")
	delete(h.env, "MPS_BUSINESS_ID")
	r := h.run("solutions")
	wantExit(t, r, ExitUsage, "solutions without an app ID")
	if !strings.Contains(r.stderr, "--app-id") {
		t.Errorf("no hint: %s", r.stderr)
	}
	r = h.run("customers")
	wantExit(t, r, ExitUsage, "customers without a business ID")
	if !strings.Contains(r.stderr, "--business-id") {
		t.Errorf("no hint: %s", r.stderr)
	}
	// The flag works in place of the environment, before or after the command.
	h.mustRun("--app-id", sandbox.DemoAppID, "solutions")
	h.mustRun("customers", "--business-id", sandbox.DemoBusinessID)
}

func TestFlagWinsOverEnvironment(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.env["MPS_GRAPH_URL"] = "http://127.0.0.1:1" // nothing listens there
	r := h.run("--graph-url", h.url, "solutions", "--json")
	wantExit(t, r, ExitOK, "--graph-url over MPS_GRAPH_URL")
	r = h.run("status")
	if !strings.Contains(r.stdout, "127.0.0.1:1  (from MPS_GRAPH_URL)") {
		t.Errorf("status does not show the environment's URL and source:\n%s", r.stdout)
	}
}

func TestExitCodes(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	wantExit(t, h.run("solutions"), ExitOK, "solutions")

	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultMalformedJSON, Times: 1})
	r := h.run("solutions")
	wantExit(t, r, ExitError, "solutions with a malformed answer")
	if !strings.HasPrefix(r.stderr, "mps: ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("error is not one line: %q", r.stderr)
	}

	// Scoped to the customers list: the solutions run above reads two role
	// chains side by side, and the one its error cancelled can still reach
	// the sandbox after it returned and take an unscoped fault.
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken, PathContains: "/client_whatsapp_business_accounts", Times: 1})
	r = h.run("customers")
	wantExit(t, r, ExitAuth, "customers with an expired token")
	for _, want := range []string{"190", "463", "fbtrace_id", "mps login"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the auth error lacks %q: %s", want, r.stderr)
		}
	}

	wantExit(t, h.run("solution", "999999999"), ExitError, "solution that does not exist")
}

func TestHelpAndVersion(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	root := h.mustRun("--help").stdout
	for _, c := range commands() {
		if !strings.Contains(root, c.Name) {
			t.Errorf("--help does not list %s", c.Name)
		}
		r := h.mustRun(append(strings.Fields(c.Name), "--help")...)
		if !strings.HasPrefix(r.stdout, "Usage: mps "+c.Name) {
			t.Errorf("mps %s --help: %q", c.Name, r.stdout)
		}
		if r2 := h.mustRun(append([]string{"help"}, strings.Fields(c.Name)...)...); r2.stdout != r.stdout {
			t.Errorf("mps help %s differs from --help", c.Name)
		}
	}
	for _, flag := range []string{"--profile", "--app-id", "--business-id", "--graph-url", "--api-version", "--demo", "MPS_PROFILE", "NO_COLOR"} {
		if !strings.Contains(root, flag) {
			t.Errorf("--help does not mention %s", flag)
		}
	}
	if strings.Contains(root, "\n  --token") {
		t.Error("--help mentions a --token flag")
	}
	if r := h.mustRun("solutions", "--help"); !strings.Contains(r.stdout, "--state STATE") || !strings.Contains(r.stdout, "--json") {
		t.Errorf("solutions --help:\n%s", r.stdout)
	}
	if v := h.mustRun("--version").stdout; !strings.HasPrefix(v, "mps ") {
		t.Errorf("--version printed %q", v)
	}
	if len(h.sandbox.Requests()) != 0 {
		t.Error("help sent requests")
	}
}

func TestNoTokenFlag(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	wantExit(t, h.run("--token", "x", "solutions"), ExitUsage, "--token")
	wantExit(t, h.run("solutions", "--token", "x"), ExitUsage, "solutions --token")
}

func TestDashboardNeedsATerminal(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	r := h.run()
	wantExit(t, r, ExitUsage, "(no command)")
	if !strings.Contains(r.stderr, "--json") {
		t.Errorf("no hint toward the commands: %s", r.stderr)
	}
}

func TestDemoReadsWithoutTokenOrProfile(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.keyring.FailWith(errors.New("the keyring was used"))
	h.env = map[string]string{} // no IDs, no URL
	before := h.keyring.Calls()
	r := h.mustRun("--demo", "solutions", "--json")
	if got := decodeJSON[[]solutionOut](t, r.stdout); len(got) == 0 {
		t.Fatal("the demo listed no solutions")
	}
	if h.keyring.Calls() != before {
		t.Error("the demo touched the keyring")
	}
}

package cli

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"mps/graph/sandbox"
)

func TestUsageErrorsExit2WithAHint(t *testing.T) {
	h := seededHarness(t)
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
		{"--", "solutions"},
		{""},
		{"profile"},
		{"secret", "sett"},
		{"help", "frobnicate"},
		{"completion"},
		{"version", "now"},
		{"man", "frobnicate"},
		{"webhook", "serve", "--max-connections", "many"},
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
	h := seededHarness(t)
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
	h := seededHarness(t)
	h.env["MPS_GRAPH_URL"] = "http://127.0.0.1:1" // nothing listens there
	r := h.run("--graph-url", h.url, "solutions", "--json")
	wantExit(t, r, ExitOK, "--graph-url over MPS_GRAPH_URL")
	r = h.run("status")
	if !strings.Contains(r.stdout, "127.0.0.1:1  (from MPS_GRAPH_URL)") {
		t.Errorf("status does not show the environment's URL and source:\n%s", r.stdout)
	}
}

func TestExitCodes(t *testing.T) {
	h := seededHarness(t)
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
	h := seededHarness(t)
	root := h.mustRun("--help").stdout
	var visit func(cmd *cobra.Command, parentHelp string)
	visit = func(cmd *cobra.Command, parentHelp string) {
		if cmd.Hidden {
			return
		}
		words := strings.Fields(strings.TrimPrefix(cmd.CommandPath(), "mps"))
		if !strings.Contains(parentHelp, "\n  "+cmd.Name()+" ") {
			t.Errorf("the help above mps %s does not list it:\n%s", words, parentHelp)
		}
		r := h.mustRun(append(words, "--help")...)
		if !strings.HasPrefix(r.stdout, cmd.Short+".") || !strings.Contains(r.stdout, "Usage:\n  "+cmd.UseLine()) {
			t.Errorf("mps %s --help: %q", words, r.stdout)
		}
		if r2 := h.mustRun(append([]string{"help"}, words...)...); r2.stdout != r.stdout {
			t.Errorf("mps help %s differs from --help", words)
		}
		for _, sub := range cmd.Commands() {
			visit(sub, r.stdout)
		}
	}
	for _, cmd := range newRootCommand(&app{env: Env{}.withDefaults()}).Commands() {
		visit(cmd, root)
	}
	for _, flag := range []string{"--profile", "--app-id", "--business-id", "--graph-url", "--api-version", "--demo", "MPS_PROFILE", "NO_COLOR", "Exit codes"} {
		if !strings.Contains(root, flag) {
			t.Errorf("--help does not mention %s", flag)
		}
	}
	if strings.Contains(root, "      --token ") {
		t.Error("--help mentions a --token flag")
	}
	if r := h.mustRun("solutions", "--help"); !strings.Contains(r.stdout, "--state STATE") || !strings.Contains(r.stdout, "--json") {
		t.Errorf("solutions --help:\n%s", r.stdout)
	}
	v := h.mustRun("--version").stdout
	if !strings.HasPrefix(v, "mps ") || strings.Count(v, "\n") != 1 {
		t.Errorf("--version printed %q", v)
	}
	if got := h.mustRun("version").stdout; got != v {
		t.Errorf("mps version printed %q, --version %q", got, v)
	}
	wantExit(t, h.run("help", "frobnicate"), ExitUsage, "help", "frobnicate")
	if len(h.sandbox.Requests()) != 0 {
		t.Error("help sent requests")
	}
}

// A group alone, or with a word that is none of its commands, says what
// it takes.
func TestGroupsNeedACommand(t *testing.T) {
	h := seededHarness(t)
	r := h.run("profile")
	wantExit(t, r, ExitUsage, "profile")
	if !strings.Contains(r.stderr, "add-partner") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("mps profile: %q", r.stderr)
	}
	r = h.run("secret", "sett")
	wantExit(t, r, ExitUsage, "secret", "sett")
	if !strings.Contains(r.stderr, "mps secret set") {
		t.Errorf("mps secret sett suggests nothing: %q", r.stderr)
	}
}

// mps man writes a roff page built from the command tree: mps's own, or
// one command's.
func TestManPage(t *testing.T) {
	h := seededHarness(t)
	page := h.mustRun("man").stdout
	for _, want := range []string{`.TH "MPS" "1"`, ".SH NAME", ".SH SYNOPSIS", "MPS_PROFILE", "--app-id", "mps-solutions(1)"} {
		if !strings.Contains(page, want) {
			t.Errorf("mps man lacks %q", want)
		}
	}
	if again := h.mustRun("man").stdout; again != page {
		t.Error("mps man printed another page the second time")
	}
	sub := h.mustRun("man", "profile", "set").stdout
	if !strings.Contains(sub, `.TH "MPS-PROFILE-SET" "1"`) || !strings.Contains(sub, "never from the environment") {
		t.Errorf("mps man profile set:\n%s", sub)
	}
	wantExit(t, h.run("man", "frobnicate"), ExitUsage, "man", "frobnicate")
}

func TestNoTokenFlag(t *testing.T) {
	h := seededHarness(t)
	wantExit(t, h.run("--token", "x", "solutions"), ExitUsage, "--token")
	wantExit(t, h.run("solutions", "--token", "x"), ExitUsage, "solutions --token")
}

func TestDashboardNeedsATerminal(t *testing.T) {
	h := seededHarness(t)
	r := h.run()
	wantExit(t, r, ExitUsage, "(no command)")
	if !strings.Contains(r.stderr, "--json") {
		t.Errorf("no hint toward the commands: %s", r.stderr)
	}
}

func TestDemoReadsWithoutTokenOrProfile(t *testing.T) {
	h := seededHarness(t)
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

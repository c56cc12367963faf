package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
)

// seededIn is the first seeded solution in state st.
func seededIn(t *testing.T, h *harness, st graph.State) graph.Solution {
	t.Helper()
	for _, s := range h.sandbox.Solutions() {
		if s.State() == st {
			return s
		}
	}
	t.Fatalf("no seeded solution is %s", st)
	return graph.Solution{}
}

// onlyOneOnboards leaves keep as the one solution that onboards.
func onlyOneOnboards(h *harness, keep string) {
	for _, s := range h.sandbox.Solutions() {
		if s.ID != keep && s.CanOnboard() {
			h.sandbox.SetSolutionStatus(s.ID, graph.StatusDeactivated, graph.PendingNone)
		}
	}
}

// The printed snippet is the guide's, with the solution's and the login
// configuration's IDs in place of its placeholders.
func TestSignupSnippetPrintsTheGuidesCode(t *testing.T) {
	guide, err := os.ReadFile(filepath.Join("..", "..", "graph", "testdata", "guide", "embedded_signup.html"))
	if err != nil {
		t.Fatal(err)
	}
	h := seededHarness(t)
	sol := seededIn(t, h, graph.StateActive)
	onlyOneOnboards(h, sol.ID)
	r := h.mustRun("signup-snippet", sol.ID, "--config-id", "1234567890")
	want := strings.NewReplacer("<CONFIGURATION_ID>", "1234567890", "<SOLUTION_ID>", sol.ID).Replace(string(guide))
	if r.stdout != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	if r.stderr != "" {
		t.Errorf("one onboarding solution, yet stderr says: %s", r.stderr)
	}
	if n := len(h.posts()); n != 0 {
		t.Errorf("%d POSTs", n)
	}
}

func TestSignupSnippetConfigIDFromTheProfile(t *testing.T) {
	h := seededHarness(t)
	sol := seededIn(t, h, graph.StatePendingDeactivation)
	h.mustRun("profile", "set", "--config-id", "777")
	if r := h.mustRun("signup-snippet", sol.ID); !strings.Contains(r.stdout, "config_id: '777'") || !strings.Contains(r.stdout, "solutionID: '"+sol.ID+"'") {
		t.Fatalf("stdout:\n%s", r.stdout)
	}
	h.env[store.EnvConfigID] = "888"
	if r := h.mustRun("signup-snippet", sol.ID); !strings.Contains(r.stdout, "config_id: '888'") {
		t.Fatalf("with %s: %s", store.EnvConfigID, r.stdout)
	}
}

func TestSignupSnippetV3JSON(t *testing.T) {
	h := seededHarness(t)
	sol := seededIn(t, h, graph.StateActive)
	r := h.mustRun("signup-snippet", sol.ID, "--config-id", "42", "--es-version", "3", "--json")
	got := decodeJSON[signupSnippetJSON](t, r.stdout)
	extras, _ := got.LoginOptions["extras"].(map[string]any)
	if got.Version != 3 || got.SolutionID != sol.ID || got.ConfigID != "42" || extras["sessionInfoVersion"] != "3" ||
		!strings.Contains(got.Script, "featureType: ''") || got.HTML != got.Script+"\n\n"+got.Button+"\n" {
		t.Fatalf("--json = %+v", got)
	}
	if !strings.Contains(r.stderr, "Meta ended v2 and v3 in October 2026") {
		t.Errorf("stderr does not say v3 ends: %s", r.stderr)
	}
	if len(got.Warnings) != 2 {
		t.Errorf("warnings %q, want the v3 notice and the several-solutions caution", got.Warnings)
	}
}

// Several solutions onboard: the guide's caution names the solution.
func TestSignupSnippetWarnsOfSeveralOnboardingSolutions(t *testing.T) {
	h := seededHarness(t)
	sol := seededIn(t, h, graph.StateActive)
	onlyOneOnboards(h, sol.ID)
	second := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: "Second storefront", Status: graph.StatusActive})
	r := h.mustRun("signup-snippet", sol.ID, "--config-id", "42")
	for _, want := range []string{"warning: our app has 2 solutions that onboard", sol.ID, "wrong solution"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, r.stderr)
		}
	}
	if strings.Contains(r.stdout, "warning") || strings.Contains(r.stdout, second) {
		t.Errorf("the warning is in the snippet: %s", r.stdout)
	}
}

func TestSignupSnippetRefusals(t *testing.T) {
	h := seededHarness(t)
	for _, tc := range []struct {
		st   graph.State
		want string
	}{
		{graph.StatePending, "is Pending: it onboards customers only once the partner accepts"},
		{graph.StateInactive, "is Inactive: only Active and Pending deactivation"},
		{graph.StateDraft, "is Draft"},
		{graph.StateDeactivated, "is Deactivated"},
	} {
		sol := seededIn(t, h, tc.st)
		r := h.run("signup-snippet", sol.ID, "--config-id", "42")
		wantExit(t, r, ExitUsage, "signup-snippet", tc.st.String())
		if !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%s: stdout %q, stderr %s", tc.st, r.stdout, r.stderr)
		}
	}
	active := seededIn(t, h, graph.StateActive).ID
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"signup-snippet", active}, "needs its config ID"},
		{[]string{"signup-snippet", active, "--config-id", "12ab"}, "config ID"},
		{[]string{"signup-snippet", active, "--config-id", "42", "--es-version", "2"}, `--es-version "2" is not 4 or 3`},
		{[]string{"signup-snippet", "12ab", "--config-id", "42"}, "not a valid solution ID"},
	} {
		h.sandbox.ResetRequests()
		r := h.run(tc.args...)
		wantExit(t, r, ExitUsage, tc.args...)
		if !strings.Contains(r.stderr, tc.want) || len(h.sandbox.Requests()) != 0 {
			t.Errorf("%v: %d requests, stderr %s", tc.args, len(h.sandbox.Requests()), r.stderr)
		}
	}
}

package cli

import (
	"io"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// incoming adds a pending request that we, the invited partner, may accept.
func incoming(h *harness) string {
	h.t.Helper()
	id := h.sandbox.CreateIncomingRequest("Request for action tests")
	h.sandbox.ResetRequests()
	return id
}

func TestActionWithoutTerminalOrYesSendsNothing(t *testing.T) {
	h := seededHarness(t)
	id := incoming(h)
	r := h.run("accept", id)
	wantExit(t, r, ExitUsage, "accept", id)
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d POSTs sent without confirmation", n)
	}
	if !strings.Contains(r.stderr, "--yes") || !strings.Contains(r.stderr, "Nothing was sent") {
		t.Errorf("the refusal does not say what to do: %s", r.stderr)
	}
	if sol, _ := h.sandbox.Solution(id); sol.Status != "INITIATED" {
		t.Errorf("status changed to %s", sol.Status)
	}
}

func TestActionWithYesSendsExactlyOnePOSTAndReadsAgain(t *testing.T) {
	h := seededHarness(t)
	id := incoming(h)
	r := h.run("accept", id, "--yes")
	wantExit(t, r, ExitOK, "accept", id, "--yes")
	posts := h.posts()
	if len(posts) != 1 || !strings.HasSuffix(posts[0].Path, "/"+id+"/accept") {
		t.Fatalf("POSTs = %+v, want one to /%s/accept", posts, id)
	}
	wantReadAgain(t, h, id)
	if !strings.Contains(r.stdout, "is now Active") {
		t.Errorf("the new state is not printed: %s", r.stdout)
	}
	for _, want := range []string{"cannot be undone", "MANAGE_TEMPLATES", "Accept solution request"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the preview lacks %q:\n%s", want, r.stdout)
		}
	}
	if sol, _ := h.sandbox.Solution(id); sol.Status != "ACTIVE" {
		t.Errorf("sandbox status %s, want ACTIVE", sol.Status)
	}
}

func TestActionOnTerminalAsksAndDefaultsToNo(t *testing.T) {
	h := seededHarness(t)
	h.terminal = true
	id := incoming(h)
	for _, answer := range []string{"\n", "n\n", "maybe\n", ""} {
		r := h.runWithInput(answer, "reject", id)
		wantExit(t, r, ExitUsage, "reject", id)
		if !strings.Contains(r.stderr, "[y/N]") {
			t.Errorf("no y/N question: %s", r.stderr)
		}
	}
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d POSTs sent without a yes", n)
	}
	r := h.runWithInput("y\n", "reject", id)
	wantExit(t, r, ExitOK, "reject", id)
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs after yes, want 1", n)
	}
	if !strings.Contains(r.stdout, "is now "+sgrBold+"Inactive") {
		t.Errorf("new state not printed, in bold on a terminal: %q", r.stdout)
	}
}

func TestDisallowedActionIsRefusedBeforeAnyPOST(t *testing.T) {
	h := seededHarness(t)
	id := incoming(h) // we are the partner, and it is pending
	cases := map[string]string{
		"deactivate":          "only the owner can request deactivation",
		"accept-deactivation": "no deactivation request",
	}
	for action, reason := range cases {
		r := h.run(action, id, "--yes")
		wantExit(t, r, ExitUsage, action, id)
		if !strings.Contains(r.stderr, reason) {
			t.Errorf("%s: the refusal lacks the reason %q: %s", action, reason, r.stderr)
		}
	}
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d POSTs sent for refused actions", n)
	}
}

// After an unknown outcome nothing is sent again: not the same form, and
// not the other one either where Graph requires it.
func TestUnknownOutcomeReadsAgainAndNeverResends(t *testing.T) {
	for _, tc := range []struct {
		rule  sandbox.ActionBodies
		fault sandbox.FaultKind
		state string
	}{
		{sandbox.BodiesAny, sandbox.FaultDropAfterApply, "Active"},
		{sandbox.BodiesOpenAPI, sandbox.FaultDropConnection, "Pending"},
	} {
		h := newHarness(t, sandbox.Options{ActionBodies: tc.rule})
		id := incoming(h)
		h.sandbox.AddFault(sandbox.Fault{Kind: tc.fault, Method: "POST"})
		r := h.run("accept", id, "--yes")
		wantExit(t, r, ExitError, "accept", id, "--yes")
		if n := len(h.posts()); n != 1 {
			t.Fatalf("%s/%s: %d POSTs, want exactly 1", tc.rule, tc.fault, n)
		}
		if !strings.Contains(r.stderr, "outcome unknown") || !strings.Contains(r.stderr, "is now "+tc.state) {
			t.Errorf("%s/%s: stderr does not report the outcome and the state read again: %s", tc.rule, tc.fault, r.stderr)
		}
		wantReadAgain(t, h, id)
		if strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("the error is not one line: %q", r.stderr)
		}
	}
}

func TestActionGraphErrorShowsCodeAndTrace(t *testing.T) {
	h := seededHarness(t)
	id := incoming(h)
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken, Method: "POST"})
	r := h.run("accept", id, "--yes")
	wantExit(t, r, ExitAuth, "accept", id, "--yes")
	for _, want := range []string{"190", "463", "fbtrace_id", "mps login"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the error lacks %q: %s", want, r.stderr)
		}
	}
	if strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("the error is not one line: %q", r.stderr)
	}
}

// wantReadAgain checks that the last request read the solution again.
func wantReadAgain(t *testing.T, h *harness, id string) {
	t.Helper()
	reqs := h.sandbox.Requests()
	if last := reqs[len(reqs)-1]; last.Method != "GET" || !strings.HasSuffix(last.Path, "/"+id) {
		t.Errorf("the solution was not read again after the POST; last request %s %s", last.Method, last.Path)
	}
}

func TestActionOutputIsSanitized(t *testing.T) {
	h := seededHarness(t)
	id := h.sandbox.AddSolution(sandbox.SolutionSpec{
		Name: "Hostile\x1b[2J\x1b]8;;http://x\x07 name\u202e", OwnerAppID: "21202248997039", PartnerAppID: sandbox.DemoAppID,
		OwnerPermissions: []string{"MANAGE"}, PartnerPermissions: []string{"MANAGE\x1b[31m"},
	})
	r := h.run("accept", id, "--yes")
	wantExit(t, r, ExitOK, "accept", id)
	if strings.ContainsAny(r.stdout+r.stderr, "\x1b\x07\u202e") {
		t.Fatalf("server text reached the terminal raw: %q", r.stdout)
	}
	if !strings.Contains(r.stdout, "Hostile") {
		t.Errorf("the name was lost: %s", r.stdout)
	}
}

func TestAReasonGoesToGraphAndTheJournal(t *testing.T) {
	h := seededHarness(t)
	id := incoming(h)
	r := h.mustRun("reject", id, "--yes", "--reason", "not our customer")
	if !strings.Contains(r.stdout, "not our customer") {
		t.Errorf("the preview does not show the reason:\n%s", r.stdout)
	}
	if got, ok := h.sandbox.LastReason(id); !ok || got != "not our customer" {
		t.Errorf("the sandbox got reason %q (%t)", got, ok)
	}
	entries := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json", "--solution", id).stdout)
	if len(entries) != 1 || entries[0].Reason != "not our customer" {
		t.Errorf("the journal: %+v", entries)
	}
}

func TestABadReasonSendsNothing(t *testing.T) {
	h := seededHarness(t)
	id := incoming(h)
	for _, reason := range []string{strings.Repeat("x", graph.MaxReasonLength+1), "two\nlines"} {
		r := h.run("reject", id, "--yes", "--reason", reason)
		wantExit(t, r, ExitUsage, "reject --reason", reason[:5])
		if !strings.Contains(r.stderr, "--reason") {
			t.Errorf("the refusal does not name --reason: %s", r.stderr)
		}
	}
	if n := len(h.sandbox.Requests()); n != 0 {
		t.Errorf("%d requests went out for a bad reason", n)
	}
	// accept takes no reason: the flag is not there.
	wantExit(t, h.run("accept", id, "--yes", "--reason", "x"), ExitUsage, "accept --reason")
}

// answerAfter is stdin that runs change when the y/N question reads it,
// then answers yes: the solution changes between the read and the POST.
type answerAfter struct {
	change func()
	yes    io.Reader
}

func (r *answerAfter) Read(p []byte) (int, error) {
	if r.yes == nil {
		r.change()
		r.yes = strings.NewReader("y\n")
	}
	return r.yes.Read(p)
}

// A refusal because the solution changed elsewhere after mps read it says
// the state changed and shows the new one; it does not blame the IDs.
func TestActionRefusedBecauseTheStateChangedElsewhere(t *testing.T) {
	for _, rule := range []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI} {
		t.Run(rule.String(), func(t *testing.T) {
			h := newHarness(t, sandbox.Options{ActionBodies: rule})
			h.terminal = true
			id := incoming(h)
			h.stdin = &answerAfter{change: func() { h.sandbox.SetSolutionStatus(id, graph.StatusRejected, graph.PendingNone) }}
			r := h.run("accept", id)
			wantExit(t, r, ExitUsage, "accept", id)
			for _, want := range []string{"changed elsewhere", "is now Inactive", "Nothing was done", "Graph error 100"} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q: %s", want, r.stderr)
				}
			}
			if strings.Contains(r.stderr, "check the") {
				t.Errorf("the refusal blames the profile: %s", r.stderr)
			}
			if n := len(h.posts()); n != 1 {
				t.Errorf("%d POSTs, want 1", n)
			}
			wantReadAgain(t, h, id)
		})
	}
}

// The CLI works against each documented body form, sending the other form
// once only where Graph refused the first one's parameter.
func TestActionsUnderEachBodyRule(t *testing.T) {
	for _, rule := range []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI, sandbox.BodiesGuide} {
		for _, action := range []string{"accept", "reject"} {
			h := newHarness(t, sandbox.Options{ActionBodies: rule})
			id := incoming(h)
			r := h.run(action, id, "--yes")
			wantExit(t, r, ExitOK, action, id, "--yes")
			want := 1
			if rule == sandbox.BodiesOpenAPI {
				want = 2
			}
			if n := len(h.posts()); n != want {
				t.Errorf("%s %s: %d POSTs, want %d", rule, action, n, want)
			}
			wantReadAgain(t, h, id)
		}
	}
}

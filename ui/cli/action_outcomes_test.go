package cli

import (
	"io"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

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

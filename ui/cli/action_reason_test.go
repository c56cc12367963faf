package cli

import (
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

func TestAReasonGoesToGraphAndTheJournal(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
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
	h := newHarness(t, sandbox.Options{})
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

package e2e

import (
	"net/http"
	"path"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// pendingForUs is a seeded request another app sent us: accepting it is
// allowed.
const pendingForUs = "17602267745700"

// dropAfterAccept is an accept POST that takes effect on the server and
// then loses its connection, so the client cannot know the outcome.
func dropAfterAccept() sandbox.Fault {
	return sandbox.Fault{Kind: sandbox.FaultDropAfterApply, Method: http.MethodPost, PathContains: "/accept", Times: 1}
}

// solutionStatus is what the sandbox holds for a solution now.
func solutionStatus(t *testing.T, sb *sandbox.Sandbox, id string) string {
	t.Helper()
	for _, s := range sb.Solutions() {
		if s.ID == id {
			return s.Status
		}
	}
	t.Fatalf("the sandbox has no solution %s", id)
	return ""
}

// expectOneAcceptThenRead checks the server saw exactly one accept POST and,
// after it, a read of that solution; it returns the solution's ID.
func expectOneAcceptThenRead(t *testing.T, w *world) string {
	t.Helper()
	var posts []string
	readAfter := false
	for _, r := range w.sandbox.Requests() {
		switch {
		case r.Method == http.MethodPost:
			posts = append(posts, r.Path)
		case len(posts) == 1 && r.Method == http.MethodGet:
			readAfter = readAfter || strings.HasSuffix(posts[0], path.Base(r.Path)+"/accept")
		}
	}
	if len(posts) != 1 || path.Base(posts[0]) != "accept" {
		t.Fatalf("the server received POSTs %q, want exactly one accept", posts)
	}
	if !readAfter {
		t.Errorf("the solution was not read again after the accept whose answer was lost")
	}
	return path.Base(path.Dir(posts[0]))
}

func TestAcceptWithLostAnswer(t *testing.T) {
	t.Parallel()
	t.Run("command", func(t *testing.T) {
		w := parallelWorld(t)
		w.fault(dropAfterAccept())
		res := w.run("accept", pendingForUs, "--yes")
		if res.code != 1 {
			t.Errorf("exit %d, want 1 (the outcome is not known to be a success)", res.code)
		}
		expectOneErrorLine(t, res, "outcome unknown", "Active", "did not resend")
		if id := expectOneAcceptThenRead(t, w); id != pendingForUs {
			t.Errorf("the accept went to %s, want %s", id, pendingForUs)
		}
		if got := solutionStatus(t, w.sandbox, pendingForUs); got != graph.StatusActive {
			t.Errorf("the sandbox holds %s, want ACTIVE (the POST took effect)", got)
		}
	})
	t.Run("dashboard", func(t *testing.T) {
		w := parallelWorld(t)
		w.fault(dropAfterAccept())
		s := w.settledDashboard("Solutions (13)", "Social OVD with Nort")
		s.step("2", "Needs us (4)")
		s.step("a", "Accept solution request?", "[ Cancel ]")
		screen := s.step("y", "outcome was unknown", "read the solution again", "Nothing was resent")
		id := expectOneAcceptThenRead(t, w)
		if got := solutionStatus(t, w.sandbox, id); got != graph.StatusActive {
			t.Errorf("the sandbox holds %s for %s, want ACTIVE", got, id)
		}
		// The state read again is what the screen now shows.
		s.waitFor("Needs us (3)")
		if !strings.Contains(flat(screen), "it is now Active") {
			t.Errorf("the notice does not say what the read found:\n%s", screen)
		}
		s.alive()
		if posts := len(w.calls(http.MethodPost, "")); posts != 1 {
			t.Errorf("%d POSTs after the notice, want 1 (never resent)", posts)
		}
	})
}

package e2e

import (
	"net/http"
	"strings"
	"testing"
)

// Item 2: at 80x24 the accept dialog shows both apps and both sides'
// grants; shrunk to 60x15 it scrolls, and y sends nothing until every line
// has been shown, then confirms once.
func TestTheDialogNeverHidesWhatItConfirms(t *testing.T) {
	w := parallelWorld(t)
	s := w.settledDashboard()
	s.press("2", "Needs us")
	s.keys("a")
	s.waitFor("Accept solution request?", "Owner:", "Partner:", "Permissions granted to the owner:",
		"Permissions granted to the partner:", "[ Cancel ]")

	s.resize(60, 15)
	s.waitFor("Owner:", "Partner:", "j/pgdn/G for more", "[ Cancel ]")
	s.step("y", "[ Cancel ]")
	if posts := w.calls(http.MethodPost, "/accept"); len(posts) != 0 {
		t.Fatalf("y at 60x15, the grants not yet scrolled to, sent %d POSTs", len(posts))
	}
	s.step("G", "all shown")
	s.step("y", "Done: accept solution request")
	if posts := w.calls(http.MethodPost, "/accept"); len(posts) != 1 {
		t.Fatalf("y once everything was shown sent %d POSTs, want 1", len(posts))
	}
	s.quit(quitBound)
}

// Item 8: on Partners, enter on an app lists its solutions, enter on one
// opens its inspector, and an action works there.
func TestPartnersLeadToTheInspectorWhereActionsWork(t *testing.T) {
	w := parallelWorld(t)
	s := w.settledDashboard()
	s.press("3", "Partner apps")
	s.press("Enter")
	s.press("Enter", "Permissions", "Our role")
	screen := s.text()
	for _, key := range []string{"a", "x", "D"} {
		s.keys(key)
		screen = s.waitUntil("the action key to answer", func(screen string) bool {
			return strings.Contains(screen, "[ Cancel ]") || strings.Contains(screen, "Cannot ")
		})
		if strings.Contains(screen, "[ Cancel ]") {
			s.step("n", "Cancelled: nothing was sent.")
			s.quit(quitBound)
			return
		}
	}
	t.Fatalf("no action key opened a dialog from the inspector opened on Partners:\n%s", screen)
}

package e2e

import (
	"strings"
	"testing"
)

// TestNarrowKeepsWhatMatters: at 80x24 the Solutions names are whole (the
// ID column gives way first), and Pending keeps which side messages.
func TestNarrowKeepsWhatMatters(t *testing.T) {
	w := parallelWorld(t)
	long := "Northwind × Jaspers Market" // 26 cells: once cut to 20
	s := w.startDashboard()
	screen := s.waitFor(long)
	s.waitIdle()
	screen = s.text()
	if row := lineOf(screen, long); !strings.Contains(row, long+" ") || !strings.Contains(row, "◆ Pending") {
		t.Errorf("the row %q: want the whole name and the state", row)
	}
	screen = s.step("2", "MESSAGING: ")
	if !strings.Contains(screen, "Pending (") || !strings.Contains(screen, "+") {
		t.Errorf("the Pending tab's title does not count both sections:\n%s", screen)
	}
	s.quit(quitBound)
}

// TestFindByID: / filters Solutions by an ID, and : opens a solution by its
// ID from another tab.
func TestFindByID(t *testing.T) {
	w := parallelWorld(t)
	id := w.addActive("Find me by ID")
	s := w.settledDashboard("Find me by ID")
	s.keys("/")
	s.keys("-l", id)
	s.step("Enter", "showing 1 of", "Find me by ID", "1/1")
	s.keys("Escape")
	s.waitFor("showing 14 of 14") // the filter cleared, not taken with the next key as alt+5
	s.step("5", "events · all fields")
	s.keys(":")
	s.keys("-l", id)
	s.step("Enter", "Solution Find me by ID", id)
	s.keys("Escape")
	s.waitFor("events · all fields") // esc goes back where the jump came from
	s.keys(":")
	s.keys("-l", "12345")
	s.step("Enter", "No solution, WABA or partner app has the ID 12345")
	s.quit(quitBound)
}

// lineOf is the screen line that contains sub.
func lineOf(screen, sub string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, sub) {
			return line
		}
	}
	return ""
}

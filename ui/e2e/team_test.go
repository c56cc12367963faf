package e2e

import (
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store/storetest"
)

// Two dashboards, two processes, on one shared store and one Graph: an
// accept in one shows in the other as a notice naming who did what, and
// there the request leaves Pending, as the solution is read again.
func TestTwoDashboardsOnOneStore(t *testing.T) {
	t.Parallel()
	db := storetest.Postgres(t)
	w := newWorld(t, sandbox.Options{})
	ana, bo := w.startDashboard("--store", db), w.startDashboard("--store", db)
	for _, s := range []*screen{ana, bo} {
		s.waitFor("Solutions (13)", "Social OVD with Nort")
		s.waitIdle()
		s.keys("2")
		s.waitFor("Needs us (4)")
	}
	ana.keys("a")
	ana.waitFor("Accept solution request?", "[ Cancel ]")
	ana.keys("y")
	ana.waitFor("Done: accept solution request")
	bo.waitUntil("the teammate's accept", func(screen string) bool {
		return strings.Contains(flat(screen), `accepted "Social OVD with Northwind": now Active`)
	})
	bo.waitFor("Needs us (3)")
	bo.keys("6")
	bo.waitFor("History (1)", "accept")
	for _, s := range []*screen{ana, bo} {
		s.quit(quitBound)
	}
}

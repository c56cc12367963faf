package e2e

import (
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
)

func latency(d time.Duration) sandbox.Fault {
	return sandbox.Fault{Kind: sandbox.FaultLatency, Latency: d}
}

// While every call takes seconds, keys still work at once: tabs switch,
// help opens and closes, and q quits with the requests still running.
func TestSlowAPIInputStaysResponsive(t *testing.T) {
	w := parallelWorld(t)
	w.fault(latency(20 * time.Second)) // longer than the test: nothing loads
	s := w.startDashboard()
	s.waitFor("Solutions (0)", "Loading solutions")
	s.step("2", "Pending (0)", "need us")
	s.step("?", "Keys — Pending")
	s.keys("Escape")
	s.waitUntil("help to close", func(screen string) bool { return !strings.Contains(screen, "Keys —") })
	s.step("4", "Loading customers")
	screen := s.step("1", "Loading solutions")
	if !strings.Contains(screen, "Solutions (0)") {
		t.Fatalf("a load finished, so the keys were not tested against running requests:\n%s", screen)
	}
	if len(w.calls("", "")) == 0 {
		t.Fatal("no request reached the sandbox")
	}
	s.quit(quitBound)
}

// Slow answers still arrive and fill the screen.
func TestSlowAPIStillLoads(t *testing.T) {
	w := parallelWorld(t)
	w.fault(latency(time.Second))
	s := w.startDashboard()
	s.waitFor("Loading solutions")
	s.step("?", "Keys — Solutions")
	s.step("Escape", "Solutions (13)", "Social OVD with Nort")
	s.step("4", "Customers (320)", "320 WABAs")
	s.quit(quitBound)
}

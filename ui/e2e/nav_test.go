package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Item 1: Customers → a WABA → a solution, then esc twice walks back the
// same way; a tab chosen by hand starts afresh.
func TestEscWalksBackTheWayItCame(t *testing.T) {
	w := parallelWorld(t)
	s := w.settledDashboard()
	s.press("4", "WABAs")
	s.press("Enter", "Solutions that onboarded")
	s.step("Enter", "Permissions", "Our role")
	s.step("Escape", "Solutions that onboarded")
	s.step("Escape", "WABAs", "enter lists a WABA's solutions")

	s.press("Enter", "Solutions that onboarded")
	s.step("Enter", "Permissions")
	s.step("2", "Needs us") // by hand: a fresh start
	s.keys("Escape")
	time.Sleep(300 * time.Millisecond)
	if screen := s.text(); !strings.Contains(screen, "Needs us") {
		t.Fatalf("esc after a tab chosen by hand left Pending:\n%s", screen)
	}
	s.quit(quitBound)
}

// Item 3: a refusal clears on the next action, and "Cancelled" goes by
// itself after a few seconds.
func TestNoticesBelongToTheirMoment(t *testing.T) {
	w := parallelWorld(t)
	w.addActive("Aaa Active one")
	s := w.settledDashboard("Aaa Active one")
	s.keys("/")
	s.keys("-l", "Aaa Active one")
	s.step("Enter", "showing 1 of")
	s.step("a", "Cannot accept")
	s.keys("o") // the next action
	s.waitUntil("the refusal to clear", func(screen string) bool { return !strings.Contains(screen, "Cannot accept") })

	s.step("2", "Needs us")
	s.step("a", "[ Cancel ]")
	s.step("n", "Cancelled: nothing was sent.")
	shown := time.Now()
	s.waitUntil("Cancelled to go by itself", func(screen string) bool { return !strings.Contains(screen, "Cancelled") })
	if took := time.Since(shown); took > 10*time.Second {
		t.Errorf("Cancelled stayed %v", took)
	}
	s.quit(quitBound)
}

// Item 12: a new request that needs us raises the Pending badge and rings
// the terminal once (inside tmux, the bell); the requests at start do not.
func TestANewRequestRingsOnce(t *testing.T) {
	w := parallelWorld(t)
	s := w.startDashboard()
	bells := filepath.Join(t.TempDir(), "bells")
	if out, err := s.tmuxOut("set-option", "-g", "monitor-bell", "on"); err != nil {
		t.Fatalf("monitor-bell: %v\n%s", err, out)
	}
	if out, err := s.tmuxOut("set-option", "-g", "bell-action", "any"); err != nil {
		t.Fatalf("bell-action: %v\n%s", err, out)
	}
	if out, err := s.tmuxOut("set-hook", "-g", "alert-bell", "run-shell 'echo bell >> "+bells+"'"); err != nil {
		t.Fatalf("set-hook: %v\n%s", err, out)
	}
	s.settle("Pending")
	time.Sleep(300 * time.Millisecond)
	if b, _ := os.ReadFile(bells); len(b) != 0 {
		t.Fatalf("the requests present at start rang the bell: %q", b)
	}
	w.sandbox.CreateIncomingRequest("Brand new request")
	s.step("r", "●1 new")
	count := func() int { b, _ := os.ReadFile(bells); return strings.Count(string(b), "bell") }
	deadline := time.Now().Add(screenWait)
	for count() == 0 && time.Now().Before(deadline) {
		time.Sleep(40 * time.Millisecond)
	}
	s.press("r")
	time.Sleep(300 * time.Millisecond)
	if n := count(); n != 1 {
		t.Fatalf("the new request rang %d times, want once", n)
	}
	s.step("2", "Needs us", "Brand new request")
	if top, _, _ := strings.Cut(s.text(), "\n"); strings.Contains(top, "new") {
		t.Fatalf("the badge stayed once Pending was shown: %q", top)
	}
	s.quit(quitBound)
}

package e2e

import "testing"

// `mps --demo` with no token walks the four tabs and accepts a pending
// request through the dialog, read off the screen as a person would.
func TestDemoWalksTheTabsAndAccepts(t *testing.T) {
	w := parallelWorld(t) // for its home: the demo brings its own sandbox
	s := w.startDemo()
	if out, err := s.tmuxOut("resize-window", "-t", "mps", "-x", "100", "-y", "30"); err != nil {
		t.Fatalf("resize: %v\n%s", err, out)
	}
	s.waitFor("Solutions (13)", "Social OVD with Northwind")
	s.step("2", "Needs us (4)", "Awaits partner (2)")
	s.step("3", "Solutions by state", "Social Overdrive")
	s.step("4", "320 WABAs")
	s.step("2", "Needs us (4)")

	// The first request that needs us is under the cursor.
	s.step("a", "Accept solution request?", "This cannot be undone.", "[ Cancel ]")
	s.step("y", "Done: accept solution request", "it is now Active", "Needs us (3)")
	s.step("1", "● Active 4")
	s.quit(quitBound)
}

package e2e

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// `mps --demo` with no token walks the four tabs and accepts a pending
// request through the dialog, read off the screen as a person would; the
// demo opened again still has it accepted, until `mps --demo reset`.
func TestDemoWalksTheTabsAndAccepts(t *testing.T) {
	w := parallelWorld(t) // for its home: the demo brings its own sandbox
	open := func() *screen {
		s := w.startDemo()
		s.waitFor("Solutions (13)")
		s.resize(100, 30)
		return s
	}
	s := open()
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

	again := open()
	again.waitFor("Solutions (13)", "● Active 4")
	again.step("2", "Needs us (3)")
	again.quit(quitBound)

	reset := exec.Command(binary(t), "--demo", "reset")
	reset.Env = slices.DeleteFunc(w.env(), func(kv string) bool { return strings.HasPrefix(kv, "MPS_TOKEN=") })
	reset.Dir = w.home
	if out, err := reset.CombinedOutput(); err != nil || !strings.Contains(string(out), "starts from its seed again") {
		t.Fatalf("mps --demo reset: %v\n%s", err, out)
	}
	seed := open()
	seed.waitFor("Solutions (13)")
	seed.step("2", "Needs us (4)")
	seed.quit(quitBound)
}

package ui

import (
	"strings"
	"testing"
)

// At 60x15 the accept dialog cannot show its grants at once: they scroll,
// and y sends nothing until every line has been on screen. Before, the
// dialog dropped the owner, the partner and the grants and y confirmed.
func TestSmallDialogScrollsAndConfirmsOnlyWhatWasShown(t *testing.T) {
	h := newHarness(t, 60, 15)
	earlyYSendsNothing(h, "Owner:    Social Overdrive", "lines 1–")
	h.wantScreen("to the end first")
	seen := map[string]bool{}
	for range 20 {
		for _, line := range strings.Split(h.screen(), "\n") {
			seen[strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "│"))] = true
		}
		h.press("j")
	}
	for _, want := range []string{"Permissions granted to the owner:", "Permissions granted to the partner:", "MESSAGING"} {
		if !seenContaining(seen, want) {
			t.Errorf("scrolling never showed %q", want)
		}
	}
	h.wantScreen("all shown")
	h.press("y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("y once everything was shown: %d POSTs, want 1", n)
	}
}

// earlyYSendsNothing opens the accept dialog of a pending request, checks
// that it shows what the test names with its warning and Cancel, and that
// a y right away sends nothing and leaves it open.
func earlyYSendsNothing(h *harness, shows ...string) {
	h.t.Helper()
	h.press("2")
	h.selectRow("Social OVD with Northwind")
	h.press("a")
	h.wantScreen(append(shows, "This cannot be undone.", "[ Cancel ]")...)
	h.press("y")
	if n := len(h.posts()); n != 0 || h.app.dialog == nil {
		h.t.Fatalf("y before the grants could be seen: %d POSTs, dialog open %v", n, h.app.dialog != nil)
	}
}

func seenContaining(seen map[string]bool, want string) bool {
	for line := range seen {
		if strings.Contains(line, want) {
			return true
		}
	}
	return false
}

// In an area too small to scroll, y waits for a larger terminal, and the
// same dialog confirms once the terminal grows.
func TestTinyDialogWaitsForALargerTerminal(t *testing.T) {
	h := newHarness(t, 40, 10)
	earlyYSendsNothing(h, "Solution: Social OVD", "enlarge to see grants")
	h.wantScreen("y waits: enlarge")
	h.resize(120, 40)
	h.wantScreen("Permissions granted to the partner:")
	h.press("y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("y after the terminal grew: %d POSTs, want 1", n)
	}
}

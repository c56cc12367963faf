package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// At 60x15 the accept dialog cannot show its grants at once: they scroll,
// and y sends nothing until every line has been on screen. Before, the
// dialog dropped the owner, the partner and the grants and y confirmed.
func TestSmallDialogScrollsAndConfirmsOnlyWhatWasShown(t *testing.T) {
	h := newHarness(t, 60, 15)
	h.press("2")
	h.selectRow("Social OVD with Northwind")
	h.press("a")
	h.wantScreen("Owner:    Social Overdrive", "lines 1–", "This cannot be undone.", "[ Cancel ]")
	h.press("y")
	if n := len(h.posts()); n != 0 || h.app.dialog == nil {
		t.Fatalf("y with the grants not yet shown: %d POSTs, dialog open %v", n, h.app.dialog != nil)
	}
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
	h.press("2")
	h.selectRow("Social OVD with Northwind")
	h.press("a")
	h.wantScreen("Solution: Social OVD", "This cannot be undone.", "[ Cancel ]", "enlarge to see grants")
	h.press("y")
	if n := len(h.posts()); n != 0 || h.app.dialog == nil {
		t.Fatalf("y in a 40x10 terminal: %d POSTs, dialog open %v", n, h.app.dialog != nil)
	}
	h.wantScreen("y waits: enlarge")
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.wantScreen("Permissions granted to the partner:")
	h.press("y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("y after the terminal grew: %d POSTs, want 1", n)
	}
}

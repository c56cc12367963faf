package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// guideSnippet is the guide's step 5 code with the IDs in its placeholders'
// place; a config ID of "" leaves the guide's placeholder.
func guideSnippet(t *testing.T, solutionID, configID string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "graph", "testdata", "guide", "embedded_signup.html"))
	if err != nil {
		t.Fatal(err)
	}
	if configID == "" {
		configID = graph.ConfigIDPlaceholder
	}
	return strings.NewReplacer("<SOLUTION_ID>", solutionID, "<CONFIGURATION_ID>", configID).Replace(string(b))
}

// pressWatching presses k and returns every message its commands give.
func (h *harness) pressWatching(k string) []tea.Msg {
	h.t.Helper()
	var seen []tea.Msg
	_, cmd := h.app.Update(keyMsg(k))
	h.runWatching(cmd, func(m tea.Msg) { seen = append(seen, m) })
	return seen
}

func containsMsg(msgs []tea.Msg, want tea.Msg) bool {
	for _, m := range msgs {
		if m == want {
			return true
		}
	}
	return false
}

// e shows the snippet, y copies all of it, esc goes back to the solution,
// where y copies its ID again.
func TestInspectorSignupSnippet(t *testing.T) {
	h := newHarness(t, 120, 40)
	sol := h.selectRow("Northwind with Lucky Shrub")
	h.press("enter", "e")
	h.wantScreen("Embedded Signup for Northwind with Lucky Shrub (v4)", "solutionID: '"+sol.ID+"'",
		"config_id: '<CONFIGURATION_ID>'", "No login configuration ID is set", "mps profile set --config-id ID",
		"Note: our app has", "Launch Embedded Signup", "y copy the snippet")
	if strings.Contains(h.screen(), "copy ID") {
		t.Errorf("the snippet's footer offers the ID copy too:\n%s", h.screen())
	}
	if msgs := h.pressWatching("y"); !containsMsg(msgs, tea.SetClipboard(guideSnippet(t, sol.ID, ""))()) {
		t.Fatalf("y on the snippet gave %#v, want the whole snippet on the clipboard", msgs)
	}
	h.wantScreen("Copied the Embedded Signup snippet for solution " + sol.ID)
	h.press("esc")
	h.wantScreen("Solution Northwind with Lucky Shrub", "ID            "+sol.ID)
	h.wantCopied("solution", sol.ID)
}

func TestInspectorSignupSnippetWithTheProfilesConfigID(t *testing.T) {
	h := newHarnessAdjusted(t, 120, 40, func(c *Config) { c.ConfigID = "777" })
	sol := h.selectRow("Northwind with Lucky Shrub")
	h.press("enter", "e")
	h.wantScreen("config_id: '777'")
	if strings.Contains(h.screen(), "No login configuration ID") {
		t.Errorf("the config ID is set, yet the view asks for one:\n%s", h.screen())
	}
	if msgs := h.pressWatching("y"); !containsMsg(msgs, tea.SetClipboard(guideSnippet(t, sol.ID, "777"))()) {
		t.Fatalf("y gave %#v", msgs)
	}
}

// A solution that cannot onboard has no snippet: e says why and stays.
func TestInspectorSignupRefusedForAPendingSolution(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Northwind × Jaspers Market")
	h.press("enter", "e")
	h.wantScreen("Solution Northwind × Jaspers Market", "No Embedded Signup snippet: the solution is Pending")
	h.wantScreenLacks("Embedded Signup for", "e opened the snippet of a Pending solution")
	h.press("?")
	h.wantScreen("signup snippet", "the solution is Pending")
}

// The snippet scrolls in a short window, and its end can be reached.
func TestInspectorSignupSnippetScrolls(t *testing.T) {
	h := newHarness(t, 80, 14)
	h.selectRow("Northwind with Lucky Shrub")
	h.press("enter", "e")
	h.wantScreen("more lines")
	h.wantScreenLacks("</button>", "the whole snippet fits in 14 lines; the test needs it not to")
	h.press("G")
	h.wantScreen("</button>")
	h.press("g")
	h.wantScreen("Embedded Signup for")
}

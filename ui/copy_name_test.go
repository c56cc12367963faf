package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mps/graph/sandbox"
)

// pressFor sends one key and returns what its command says, nil for none.
func (h *harness) pressFor(k tea.KeyPressMsg) tea.Msg {
	h.t.Helper()
	_, cmd := h.app.Update(k)
	if cmd == nil {
		return nil
	}
	return cmd()
}

func TestCopyNameAndRow(t *testing.T) {
	h := newHarness(t, 120, 40)
	id := h.sb.AddSolution(sandbox.SolutionSpec{Name: "Copy\tme", Status: "ACTIVE"})
	h.press("r")
	h.selectRow("Copy\tme")

	if msg := h.pressFor(keyMsg("Y")); msg != tea.SetClipboard("Copy me")() {
		t.Fatalf("Y gave %#v, want the name (its tab sanitised to a space)", msg)
	}
	h.wantScreen("Copied the solution's name to the clipboard.")

	msg := h.pressFor(tea.KeyPressMsg{Code: 'y', Mod: tea.ModCtrl})
	want := strings.Join([]string{"Copy me", "● Active", "owner", "Lucky Shrub", "—", id}, "\t")
	if msg != tea.SetClipboard(want)() {
		t.Fatalf("ctrl+y gave %#v, want the row %q", msg, want)
	}
	h.wantScreen("Copied the solution's row to the clipboard (tab-separated).")
}

package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/store/journal"
)

// The reason line takes keys only after r: a y right away confirms with
// no reason, and, once focused, y, n and ? are text. esc leaves the line,
// not the dialog; then y sends the reason, which reaches Graph and the
// journal.
func TestDialogReasonReachesGraphAndTheJournal(t *testing.T) {
	for _, c := range []struct {
		row, key string
		action   graph.Action
	}{
		{"Lucky Shrub storefront", "x", graph.ActionReject},
		{"Northwind with Lucky Shrub", "D", graph.ActionRequestDeactivation},
	} {
		t.Run(c.action.Command(), func(t *testing.T) {
			h := newHarness(t, 120, 40)
			s := h.selectRow(c.row)
			h.press(c.key)
			if h.app.dialog == nil || h.app.dialog.reason == nil {
				t.Fatalf("%s opened no dialog with a reason line:\n%s", c.key, h.screen())
			}
			h.press("r")
			const reason = "yes, not now? no"
			h.typeText(reason)
			if h.app.dialog == nil || len(h.posts()) != 0 || h.app.fullHelp {
				t.Fatalf("typing the reason acted on the dialog: dialog %v, %d POSTs, help %v", h.app.dialog != nil, len(h.posts()), h.app.fullHelp)
			}
			h.wantScreen("Reason:  " + reason)
			h.press("esc")
			if h.app.dialog == nil || h.app.dialog.editing() {
				t.Fatal("esc in the reason line closed the dialog or kept the line focused")
			}
			h.press("y")
			if n := len(h.posts()); n != 1 {
				t.Fatalf("%d POSTs, want 1", n)
			}
			if got, ok := h.sb.LastReason(s.ID); !ok || got != reason {
				t.Fatalf("the sandbox got reason %q (%v), want %q", got, ok, reason)
			}
			entries, err := h.app.ctx.Journal.List(context.Background(), journal.Query{ObjectID: s.ID})
			if err != nil || len(entries) != 1 || entries[0].Reason != reason || entries[0].Action != c.action.Command() {
				t.Fatalf("journal: %+v, %v", entries, err)
			}
		})
	}
}

// y on a fresh dialog confirms, and types nothing into the reason.
func TestDialogYIsNotTypedIntoTheReason(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.press("x", "y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs, want 1", n)
	}
	if got, ok := h.sb.LastReason(s.ID); ok {
		t.Fatalf("the reject carried reason %q, want none", got)
	}
}

// A reason CheckReason refuses shows its verdict, and y waits for a good one.
func TestDialogRefusesABadReason(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Lucky Shrub storefront")
	h.press("x", "r")
	long := strings.Repeat("w", graph.MaxReasonLength+1)
	h.send(tea.PasteMsg{Content: long})
	want := graph.ActionReject.CheckReason(long)
	if want == nil {
		t.Fatal("graph takes the long reason: the test's premise is gone")
	}
	h.wantScreen(want.Error())
	h.press("enter", "y")
	if h.app.dialog == nil || len(h.posts()) != 0 {
		t.Fatalf("y with a bad reason closed the dialog or sent %d POSTs", len(h.posts()))
	}
	h.wantScreen("y waits: correct the reason first")
	h.press("r")
	h.send(keyMsg("backspace"))
	h.press("enter", "y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs once the reason was good, want 1", n)
	}
}

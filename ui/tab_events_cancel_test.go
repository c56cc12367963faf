package ui

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/store/eventlog"
)

// Closing the reconciliation while it reads stops the read: its command,
// run after the close, answers context.Canceled (it never reads the log),
// and the tab is not left busy. Opened again, it reads afresh.
func TestClosingTheReconciliationCancelsItsRead(t *testing.T) {
	for _, closeKey := range []string{"c", "esc"} {
		t.Run(closeKey, func(t *testing.T) {
			reported := eventlog.Event{Key: "a", Received: fixedNow(), Field: webhook.FieldAccountUpdate, Event: webhook.EventPartnerAdded,
				WABAID: "777000777000777", SolutionID: "1", Raw: []byte(`{}`)}
			h, _ := logHarness(t, sandbox.Options{WABAs: 3}, reported)
			tab, pos := h.eventsTab()
			h.press(strconv.Itoa(pos + 1)) // the first poll opens the log
			_, cmd := h.app.Update(keyMsg("c"))
			h.app.Update(keyMsg(closeKey))
			if tab.Busy() {
				t.Error("the closed reconciliation still counts as reading")
			}
			answered := false
			for _, msg := range <-runDetached(cmd) {
				if r, ok := msg.(reconcileMsg); ok {
					answered = true
					if !errors.Is(r.Err, context.Canceled) {
						t.Errorf("the closed reconciliation's read answered %v, want context.Canceled", r.Err)
					}
				}
				h.app.Update(msg)
			}
			if !answered {
				t.Fatal("the reconciliation's command did not answer")
			}
			h.press("c")
			h.wantScreen("reported by webhooks 1", "777000777000777")
		})
	}
}

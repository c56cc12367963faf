package ui

import (
	"context"
	"net/http"
	"testing"

	"mps/store/journal"
)

// A confirmed action is in the journal before its POST and with its
// outcome after; one the journal cannot record is not sent, and the
// notice says why.
func TestDashboardActionsAreJournaled(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.press("a", "y")
	h.wantScreen("Done: accept solution request")
	entries, err := h.app.ctx.Journal.List(context.Background(), journal.Query{ObjectID: s.ID})
	if err != nil || len(entries) != 1 || entries[0].Action != "accept" || entries[0].Outcome != journal.Done ||
		entries[0].StateBefore != "Pending" || entries[0].StateAfter != "Active" || entries[0].Profile != "test" {
		t.Fatalf("the journal after accept: %+v, %v", entries, err)
	}

	h.app.ctx.Journal.Close()
	s = h.selectRow("Jaspers Market loyalty")
	before := mark(h.sb)
	h.press("x", "y")
	h.wantScreen("nothing was sent: the journal could not record the action")
	for _, r := range requestsSince(h.sb, before) {
		if r.Method == http.MethodPost {
			t.Fatalf("a POST went without a journal entry: %s %s", r.Method, r.Path)
		}
	}
}

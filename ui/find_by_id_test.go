package ui

import (
	"testing"

	"mps/ui/table"
)

// TestTextFilterMatchesIDs types a solution's ID on Solutions, where the ID
// is a column, and on Pending, where it is not shown.
func TestTextFilterMatchesIDs(t *testing.T) {
	h := newHarness(t, 80, 24)
	want := h.app.tabs[0].(*solutionsTab).list()[1] // a pending solution
	for _, tab := range []struct {
		key   string
		table func() table.Model
	}{
		{"1", func() table.Model { return h.app.tabs[0].(*solutionsTab).table }},
		{"2", func() table.Model { return h.app.tabs[1].(*pendingTab).table }},
	} {
		h.press(tab.key, "/")
		h.typeText(want.ID)
		h.press("enter")
		tbl := tab.table()
		r, ok := tbl.Selected()
		if tbl.VisibleLen() != 1 || !ok || r.ID != want.ID {
			t.Fatalf("tab %s: filter by ID %s shows %d rows (selected %q):\n%s", tab.key, want.ID, tbl.VisibleLen(), r.ID, h.screen())
		}
		h.press("esc")
	}
}

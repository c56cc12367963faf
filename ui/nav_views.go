package ui

import (
	"slices"

	"mps/ui/table"
)

// keepCursor returns what puts m's cursor back on the row it is on now.
func keepCursor(m *table.Model) func() {
	r, ok := m.Selected()
	return func() {
		if ok {
			m.SelectID(r.ID)
		}
	}
}

func (t *solutionsTab) keepView() func() { return keepCursor(&t.table) }
func (t *pendingTab) keepView() func()   { return keepCursor(&t.table) }
func (t *eventsTab) keepView() func()    { return keepCursor(&t.list) }

// keepView keeps which table has focus and both cursors; the app's
// solutions follow its cursor.
func (t *partnersTab) keepView() func() {
	focus, apps, sols := t.focusSols, keepCursor(&t.apps), keepCursor(&t.sols)
	return func() {
		apps()
		t.syncSolutions()
		sols()
		t.focusSolutions(focus)
	}
}

// keepView keeps the WABA whose solutions are listed (a jump to a WABA
// leaves that list) and both cursors.
func (t *customersTab) keepView() func() {
	open, waba, ids := t.solsOpen, t.solsWABA, slices.Clone(t.solsIDs)
	wabas, sols := keepCursor(&t.wabas), keepCursor(&t.sols)
	return func() {
		wabas()
		if open && (!t.solsOpen || t.solsWABA.ID != waba.ID) {
			t.solsOpen, t.solsWABA, t.solsIDs = true, waba, ids
			t.drawSolutions()
		}
		t.solsOpen = open
		sols()
	}
}

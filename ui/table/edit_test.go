package table

import (
	"slices"
	"testing"
)

// ReplaceRow changes one row where it stands and DeleteRow takes one out,
// across chunks; the filter applies to the new text, and the cursor stays
// on the row it was on.
func TestReplaceAndDeleteOneRow(t *testing.T) {
	rows := numberedRows(0, chunkSize+20)
	m := newTable(t, rows, 80, 10)
	m.SetFilter("solution 010")
	if !m.SelectID("1015") {
		t.Fatal("row 1015 not visible under the filter")
	}
	visible := m.VisibleLen()

	if !m.ReplaceRow(Row{ID: "1012", Cells: []string{"Renamed", "1012", "Active", "owner", "x"}}) {
		t.Fatal("ReplaceRow did not find row 1012")
	}
	if m.Len() != len(rows) || m.VisibleLen() != visible-1 {
		t.Fatalf("after replacing: %d rows, %d visible; want %d and %d", m.Len(), m.VisibleLen(), len(rows), visible-1)
	}
	if name, _ := m.CellByID("1012", 0); name != "Renamed" {
		t.Fatalf("row 1012 is named %q", name)
	}
	if r, _ := m.Selected(); r.ID != "1015" {
		t.Fatalf("the cursor moved to %s", r.ID)
	}

	if !m.DeleteRow("3") || m.DeleteRow("3") {
		t.Fatal("DeleteRow: want true once, then false")
	}
	if !m.DeleteRow("1013") {
		t.Fatal("DeleteRow did not find row 1013")
	}
	if m.Len() != len(rows)-2 || m.VisibleLen() != visible-2 {
		t.Fatalf("after deleting: %d rows, %d visible; want %d and %d", m.Len(), m.VisibleLen(), len(rows)-2, visible-2)
	}
	if r, _ := m.Selected(); r.ID != "1015" {
		t.Fatalf("the cursor moved to %s", r.ID)
	}
	m.SetFilter("")
	var ids []string
	for m.Top(); ; m.MoveBy(1) {
		r, _ := m.Selected()
		ids = append(ids, r.ID)
		if m.Cursor() == m.VisibleLen()-1 {
			break
		}
	}
	if slices.Contains(ids, "3") || slices.Contains(ids, "1013") || ids[3] != "4" || ids[1011] != "1012" || ids[1012] != "1014" || len(ids) != len(rows)-2 {
		t.Fatalf("rows after the edits are out of order or not deleted: %v…", ids[:6])
	}
	if m.ReplaceRow(Row{ID: "no such row"}) {
		t.Fatal("ReplaceRow replaced a missing row")
	}
}

// ReplaceRow rebuilds the rows, so it should cost about what SetRows of
// the same rows does: compare BenchmarkReplaceRow with BenchmarkSetRowsOfAsMany.
func BenchmarkReplaceRow(b *testing.B) {
	m := newTable(b, numberedRows(0, 100_000), 120, 40)
	r := Row{ID: "50000", Cells: []string{"Renamed", "50000", "Active", "owner", "x"}}
	b.ReportAllocs()
	for b.Loop() {
		m.ReplaceRow(r)
	}
}

func BenchmarkSetRowsOfAsMany(b *testing.B) {
	rows := numberedRows(0, 100_000)
	m := newTable(b, rows, 120, 40)
	b.ReportAllocs()
	for b.Loop() {
		m.SetRows(rows)
	}
}

package table

import (
	"hash/maphash"
	"slices"
	"testing"
)

// The table keeps its own sanitised copy of each row: what Selected returns
// is the row as added (escape sequences dropped from cells), across chunk boundaries, and
// changing the caller's slices afterwards changes nothing.
func TestSelectedReturnsTheRowAsAdded(t *testing.T) {
	rows := numberedRows(0, 3*chunkSize+5)
	rows[chunkSize] = Row{ID: "styled", Cells: []string{"a\x1b[31mred", "", "x"}, Styles: []StyleID{0, 2}}
	rows[chunkSize+1] = Row{ID: "", Cells: nil}
	m := newTable(t, rows, 80, 10)
	for _, i := range []int{0, chunkSize - 1, chunkSize, chunkSize + 1, 2*chunkSize + 3, len(rows) - 1} {
		m.Top()
		m.MoveBy(i)
		got, ok := m.Selected()
		want := rows[i]
		if i == chunkSize {
			want = Row{ID: "styled", Cells: []string{"ared", "", "x"}, Styles: []StyleID{0, 2}}
		}
		if !ok || got.ID != want.ID || !slices.Equal(got.Cells, want.Cells) || !slices.Equal(got.Styles, want.Styles) {
			t.Fatalf("row %d: got %+v, want %+v", i, got, want)
		}
	}
	rows[0].Cells[0] = "changed"
	m.Top()
	if got, _ := m.Selected(); got.Cells[0] != "Solution 00000" {
		t.Fatalf("the caller's slice reached the table: %q", got.Cells[0])
	}
}

// The first row with an ID is the one SelectID finds, and IDs are found in
// every chunk.
func TestSelectIDFindsTheFirstRowWithIt(t *testing.T) {
	rows := numberedRows(0, 2*chunkSize+10)
	rows[chunkSize+7].ID = "5" // a second row with ID 5
	m := newTable(t, rows, 80, 10)
	for _, c := range []struct {
		id   string
		want int
	}{{"5", 5}, {"1030", 1030}, {"2057", 2057}} {
		if !m.SelectID(c.id) || m.Cursor() != c.want {
			t.Fatalf("SelectID(%q): cursor %d, want %d", c.id, m.Cursor(), c.want)
		}
	}
	if m.SelectID("no such row") {
		t.Fatal("SelectID found a missing ID")
	}
}

// byID is keyed by hash. A row whose ID's hash an earlier row's other ID
// took is missing from it, and must still be found. The seed is random, so
// the collision is made by pointing the hash at the wrong row, as a
// collision leaves it.
func TestSelectIDSurvivesAHashCollision(t *testing.T) {
	m := newTable(t, numberedRows(0, 50), 80, 10)
	m.rows.byID[maphash.String(m.rows.seed, "42")] = 7
	if !m.SelectID("42") || m.Cursor() != 42 {
		t.Fatalf("cursor %d after SelectID(42) with a colliding hash, want 42", m.Cursor())
	}
}

// CellByID finds a row the filter hides, as the inspector needs a WABA's
// name whatever the Customers tab is filtered to.
func TestCellByIDIgnoresTheFilter(t *testing.T) {
	m := newTable(t, numberedRows(0, 2*chunkSize), 80, 10)
	m.SetFilter("Solution 00001")
	if name, ok := m.CellByID("1500", 0); !ok || name != "Solution 01500" {
		t.Fatalf("CellByID(1500, 0) under a filter hiding it: %q, %v", name, ok)
	}
	if _, ok := m.CellByID("1500", 99); ok {
		t.Fatal("CellByID found a cell past the row's last")
	}
	if _, ok := m.CellByID("no such row", 0); ok {
		t.Fatal("CellByID found a missing ID")
	}
}

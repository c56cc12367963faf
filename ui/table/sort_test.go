package table

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// bruteSorted is the definition of a sort by column col: stable, by the
// folded cell, numbers by value.
func bruteSorted(rows []Row, col int, desc bool, q string) []string {
	kept := slices.Clone(rows)
	if q != "" {
		ids := bruteFilter(rows, q)
		kept = slices.DeleteFunc(kept, func(r Row) bool { return !slices.Contains(ids, r.ID) })
	}
	slices.SortStableFunc(kept, func(a, b Row) int {
		x, y := bruteFold(a.Cells[col]), bruteFold(b.Cells[col])
		c := cmp.Compare(x, y)
		if isDigits(x) && isDigits(y) && len(x) != len(y) {
			c = cmp.Compare(len(x), len(y))
		}
		if desc {
			return -c
		}
		return c
	})
	ids := make([]string, len(kept))
	for i, r := range kept {
		ids[i] = r.ID
	}
	return ids
}

func TestSortAgreesWithBruteForce(t *testing.T) {
	rows := numberedRows(0, 2*chunkSize+5)
	for i := range rows { // column 4 has many equal cells: ties keep the added order
		rows[i].Cells[1] = rows[(i*7919)%len(rows)].Cells[1]
	}
	m := newTable(t, rows, 80, 10)
	for _, s := range []struct {
		col  int
		desc bool
		q    string
	}{{1, false, ""}, {1, true, ""}, {4, false, ""}, {4, true, "partner 3"}, {0, true, "solution 00"}, {1, false, "1"}} {
		m.SetFilter(s.q)
		m.SortBy(s.col, s.desc)
		if got, want := visibleIDs(m), bruteSorted(rows, s.col, s.desc, s.q); !slices.Equal(got, want) {
			t.Fatalf("sort by %d desc %v filter %q: first %v, want %v", s.col, s.desc, s.q, got[:min(5, len(got))], want[:min(5, len(want))])
		}
	}
	m.SetFilter("")
	m.SortBy(1, true)
	more := numberedRows(len(rows), 50)
	m.AppendRows(more)
	if got, want := visibleIDs(m), bruteSorted(append(rows, more...), 1, true, ""); !slices.Equal(got, want) {
		t.Fatalf("appended rows are not sorted in")
	}
	m.SortBy(-1, false)
	if got := visibleIDs(m); got[0] != "0" || got[len(got)-1] != more[len(more)-1].ID {
		t.Fatalf("unsorted again: not in the order added")
	}
}

func TestSortKeysHeaderAndCursor(t *testing.T) {
	m := newTable(t, numberedRows(0, 30), 60, 6)
	m = press(m, "j", "j") // on row 2
	m = press(m, ">", ">") // Name, then ID
	if col, desc := m.SortColumn(); col != 1 || desc {
		t.Fatalf("> > sorts by %d desc %v, want column 1 ascending", col, desc)
	}
	if r, _ := m.Selected(); r.ID != "2" {
		t.Fatalf("the cursor left its row: on %s", r.ID)
	}
	m = press(m, "~")
	if lines := screen(t, m); !strings.Contains(lines[0], "ID ▼") {
		t.Fatalf("header %q lacks the descending mark", lines[0])
	}
	if m.SelectID("29"); m.Cursor() != 0 {
		t.Fatalf("descending by ID: row 29 at %d, want first", m.Cursor())
	}
	m = press(m, "<", "<") // back past Name to the added order
	if col, _ := m.SortColumn(); col != -1 {
		t.Fatalf("< < sorts by %d, want the added order", col)
	}
	// A click on a title sorts by it, a second flips it.
	m.SetOrigin(0, 0)
	click := tea.MouseClickMsg{X: 2, Y: 0, Button: tea.MouseLeft}
	m, _ = m.Update(click)
	if col, desc := m.SortColumn(); col != 0 || desc {
		t.Fatalf("a click on Name sorts by %d desc %v", col, desc)
	}
	m, _ = m.Update(click)
	if _, desc := m.SortColumn(); !desc {
		t.Fatalf("a second click did not flip the direction")
	}
}

// With sections, a sort orders the rows within each section: the headings
// and the sections keep their places.
func TestSortKeepsSections(t *testing.T) {
	row := func(id, name string) Row { return Row{ID: id, Cells: []string{name, "", "", "", ""}} }
	rows := []Row{
		row("s1", "▾ First"), row("1", "delta"), row("2", "alpha"), row("3", "charlie"),
		row("s2", "▾ Second"), row("4", "bravo"), row("5", "echo"), row("6", "able"),
	}
	m := New(make([]Column, 5), WithSections(func(id string) bool { return strings.HasPrefix(id, "s") }))
	m.SetSize(80, 20)
	m.SetRows(rows)
	m.SortBy(0, false)
	want := []string{"s1", "2", "3", "1", "s2", "6", "4", "5"}
	if got := visibleIDs(m); !slices.Equal(got, want) {
		t.Fatalf("ascending: %v, want %v", got, want)
	}
	m.SortBy(0, true)
	want = []string{"s1", "1", "3", "2", "s2", "5", "4", "6"}
	if got := visibleIDs(m); !slices.Equal(got, want) {
		t.Fatalf("descending: %v, want %v", got, want)
	}
}

package table

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// bruteFold folds the accented letters mixedRows uses, as foldRune must.
func bruteFold(s string) string {
	return strings.NewReplacer("é", "e").Replace(strings.ToLower(s))
}

// bruteFilter is the definition SetFilter must agree with.
func bruteFilter(rows []Row, q string) []string {
	var ids []string
	q = bruteFold(q)
	for _, r := range rows {
		for _, c := range r.Cells {
			if strings.Contains(bruteFold(c), q) {
				ids = append(ids, r.ID)
				break
			}
		}
	}
	return ids
}

func visibleIDs(m Model) []string {
	ids := make([]string, 0, m.VisibleLen())
	for _, i := range m.filter.visible {
		ids = append(ids, m.rows.row(int(i)).ID)
	}
	return ids
}

func mixedRows(n int, seed uint64) []Row {
	words := []string{"Acme", "ÉCOLE", "école", "Straße", "Компания", "日本", "Partner", "active", "PENDING", "x", "ab"}
	r := rand.New(rand.NewPCG(seed, 1))
	rows := make([]Row, n)
	for i := range rows {
		cells := make([]string, 1+r.IntN(5))
		for j := range cells {
			cells[j] = words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]
		}
		rows[i] = Row{ID: fmt.Sprint(i), Cells: cells}
	}
	return rows
}

// TestFilterAgreesWithBruteForce types queries key by key and deletes them
// again, so it covers narrowing from the previous result, fresh scans across
// chunk boundaries and widening back to everything.
func TestFilterAgreesWithBruteForce(t *testing.T) {
	rows := mixedRows(3*chunkSize+17, 7)
	m := newTable(t, rows, 80, 10)
	for _, q := range []string{"acme", "École", "KOMП", "ompания", "日本 p", "pending", "b a", "ab x", "zzz", "s"} {
		rs := []rune(q)
		for n := 1; n <= len(rs); n++ {
			m.SetFilter(string(rs[:n]))
			if got, want := visibleIDs(m), bruteFilter(rows, string(rs[:n])); !slices.Equal(got, want) {
				t.Fatalf("typing %q: %d rows, want %d", string(rs[:n]), len(got), len(want))
			}
		}
		for n := len(rs) - 1; n >= 0; n-- {
			m.SetFilter(string(rs[:n]))
			if got, want := visibleIDs(m), bruteFilter(rows, string(rs[:n])); !slices.Equal(got, want) {
				t.Fatalf("deleting to %q: %d rows, want %d", string(rs[:n]), len(got), len(want))
			}
		}
	}
	if m.VisibleLen() != m.Len() {
		t.Fatalf("an empty filter shows %d of %d rows", m.VisibleLen(), m.Len())
	}
}

func TestFilterFoldsAccents(t *testing.T) {
	rows := []Row{
		{ID: "umlaut", Cells: []string{"Ümlaut"}},
		{ID: "decomposed", Cells: []string{"U\u0308mlaut decomposed"}},
		{ID: "lodz", Cells: []string{"Łódź Rowery"}},
		{ID: "strasse", Cells: []string{"Straße"}},
		{ID: "plain", Cells: []string{"plain umlaut"}},
	}
	m := newTable(t, rows, 40, 8)
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"umlaut", []string{"umlaut", "decomposed", "plain"}},
		{"ÜMLAUT", []string{"umlaut", "decomposed", "plain"}},
		{"lodz", []string{"lodz"}},
		{"strasse", nil}, // ß is a letter of its own, not s with a mark
		{"straße", []string{"strasse"}},
	} {
		m.SetFilter(tt.q)
		if got := visibleIDs(m); !slices.Equal(got, tt.want) && len(got)+len(tt.want) > 0 {
			t.Errorf("filter %q shows %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestFilterDoesNotMatchAcrossCells(t *testing.T) {
	m := newTable(t, []Row{{ID: "1", Cells: []string{"ab", "cd"}}, {ID: "2", Cells: []string{"abcd"}}}, 40, 5)
	m.SetFilter("bc")
	if got := visibleIDs(m); !slices.Equal(got, []string{"2"}) {
		t.Fatalf("filter bc shows %v", got)
	}
}

func TestFilterKeepsSelectedRow(t *testing.T) {
	m := newTable(t, numberedRows(0, 500), 60, 11)
	if !m.SelectID("123") {
		t.Fatal("SelectID(123) failed")
	}
	m.SetFilter("12")
	if got := selectedID(t, m); got != "123" {
		t.Fatalf("narrowing moved the cursor to %s", got)
	}
	m.SetFilter("")
	if got := selectedID(t, m); got != "123" {
		t.Fatalf("widening moved the cursor to %s", got)
	}
	if sel := selectedLine(t, screen(t, m)); sel < 1 {
		t.Fatal("selected row off screen after widening")
	}
	m.SetFilter("Solution 0013") // hides 123: the cursor goes to the next match
	if got := selectedID(t, m); got != "130" {
		t.Fatalf("cursor on %s, want the next match 130", got)
	}
	if m.SelectID("123") {
		t.Fatal("SelectID found a row the filter hides")
	}
}

func TestAppendWhileFiltered(t *testing.T) {
	m := newTable(t, numberedRows(0, 300), 60, 11)
	m.SetFilter("partner 3")
	m.MoveBy(5)
	before := selectedID(t, m)
	beforeVisible := m.VisibleLen()
	m.AppendRows(numberedRows(300, 100))
	if got := selectedID(t, m); got != before {
		t.Fatalf("append moved the cursor from %s to %s", before, got)
	}
	all := append(numberedRows(0, 300), numberedRows(300, 100)...)
	if got, want := visibleIDs(m), bruteFilter(all, "partner 3"); !slices.Equal(got, want) {
		t.Fatalf("after append %d visible, want %d", len(got), len(want))
	}
	if m.VisibleLen() <= beforeVisible || m.Len() != 400 {
		t.Fatalf("VisibleLen %d (was %d), Len %d", m.VisibleLen(), beforeVisible, m.Len())
	}
	if sel := selectedLine(t, screen(t, m)); sel < 1 {
		t.Fatal("selected row off screen after append")
	}
}

func TestSetRowsKeepsSelectionByID(t *testing.T) {
	m := newTable(t, numberedRows(0, 100), 60, 11)
	m.SelectID("42")
	m.SetRows(numberedRows(30, 100)) // 42 is now at position 12
	if got := selectedID(t, m); got != "42" || m.Cursor() != 12 {
		t.Fatalf("cursor on %s at %d, want 42 at 12", got, m.Cursor())
	}
	m.SetRows(numberedRows(1000, 5)) // 42 is gone: the cursor is clamped
	if got := m.Cursor(); got != 4 {
		t.Fatalf("cursor %d, want the last row 4", got)
	}
	m.SetRows(nil)
	if _, ok := m.Selected(); ok || m.Len() != 0 {
		t.Fatal("SetRows(nil) left rows")
	}
}

func TestMouse(t *testing.T) {
	m := newTable(t, numberedRows(0, 100), 60, 11)
	m.SetOrigin(3, 2) // header at y=2, first row at y=3
	m, _ = m.Update(mouseClick(10, 6))
	if m.Cursor() != 3 {
		t.Fatalf("click on the 4th row line: cursor %d", m.Cursor())
	}
	for _, miss := range [][2]int{{10, 2}, {10, 1}, {2, 6}, {63, 6}, {10, 13}} {
		m, _ = m.Update(mouseClick(miss[0], miss[1]))
		if m.Cursor() != 3 {
			t.Fatalf("click at %v outside the rows moved the cursor to %d", miss, m.Cursor())
		}
	}
	m, _ = m.Update(mouseWheel(false))
	m, _ = m.Update(mouseWheel(false))
	if m.Cursor() != 3+2*wheelStep {
		t.Fatalf("two wheel notches down: cursor %d", m.Cursor())
	}
	m.MoveBy(20) // scrolled: clicks map through the offset
	m, _ = m.Update(mouseClick(10, 3))
	if got := selectedLine(t, screen(t, m)); got != 1 || m.Cursor() != m.offset {
		t.Fatalf("click on the first row line after scrolling: line %d cursor %d offset %d", got, m.Cursor(), m.offset)
	}
	before := m.Cursor()
	m, _ = m.Update(mouseWheel(true))
	if m.Cursor() != before-wheelStep {
		t.Fatalf("wheel up: cursor %d, want %d", m.Cursor(), before-wheelStep)
	}
	short := newTable(t, numberedRows(0, 2), 60, 11)
	short, _ = short.Update(mouseClick(5, 8)) // a blank line below the rows
	if short.Cursor() != 0 {
		t.Fatalf("click below the last row selected %d", short.Cursor())
	}
}

// TestFilterHistorySeesAppendedRows types a query, lets pages arrive, then
// deletes and edits it: results restored from the history must include the
// rows that arrived after they were computed.
func TestFilterHistorySeesAppendedRows(t *testing.T) {
	rows := mixedRows(2000, 11)
	m := newTable(t, rows[:500], 80, 10)
	for _, q := range []string{"a", "ac", "acm", "acme"} {
		m.SetFilter(q)
	}
	for from := 500; from < len(rows); from += 300 {
		m.AppendRows(rows[from:min(from+300, len(rows))])
	}
	for _, q := range []string{"acm", "ac", "acx", "a", "é", "", "straSSE"} {
		m.SetFilter(q)
		if got, want := visibleIDs(m), bruteFilter(rows, q); !slices.Equal(got, want) {
			t.Fatalf("after appends, %q shows %d rows, want %d", q, len(got), len(want))
		}
	}
}

// A reload hands the rows over a page at a time: the first page replaces
// them, and the selected row may only come back in a later page. The cursor
// goes back to it then, across another SetRows on the way, but not once the
// user has moved.
func TestReloadFindsTheSelectedRowInALaterPage(t *testing.T) {
	all := numberedRows(0, 300)
	m := newTable(t, all, 60, 11)
	m.SelectID("250")

	m.SetRows(all[:100]) // page 1: row 250 is not there yet
	if got := selectedID(t, m); got == "250" {
		t.Fatal("row 250 selected before it was loaded")
	}
	m.SetRows(all[:100]) // the tab redraws the rows it has so far
	m.AppendRows(all[100:200])
	m.AppendRows(all[200:])
	if got := selectedID(t, m); got != "250" {
		t.Fatalf("cursor on %s after the reload, want 250", got)
	}

	m.SetRows(all[:100])
	m.MoveBy(1) // the user moves on: stop waiting for row 250
	moved := selectedID(t, m)
	m.AppendRows(all[100:])
	if got := selectedID(t, m); got != moved {
		t.Fatalf("cursor jumped to %s after the user moved to %s", got, moved)
	}
}

func TestIDSearchMatchesHiddenIDs(t *testing.T) {
	rows := []Row{{ID: "17602267748700", Cells: []string{"Northwind"}}, {ID: "99", Cells: []string{"Other"}}}
	plain := newTable(t, rows, 40, 5)
	plain.SetFilter("176022")
	if got := visibleIDs(plain); len(got) != 0 {
		t.Fatalf("without WithIDSearch the ID matched: %v", got)
	}
	m := newTable(t, rows, 40, 5, WithIDSearch())
	m.SetFilter("176022")
	if got := visibleIDs(m); !slices.Equal(got, []string{"17602267748700"}) {
		t.Fatalf("WithIDSearch: filter by ID shows %v", got)
	}
}

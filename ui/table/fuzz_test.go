package table

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// FuzzView draws hostile cells at arbitrary sizes and positions: every frame
// must have exactly the size set, no control character may reach it, every
// cached line must be what drawing its row afresh gives, and every ID, even
// a hostile or repeated one, selects the first row that has it.
func FuzzView(f *testing.F) {
	f.Add("\x1b[2J日本\u202E👩🏽‍💻", "x\ty", uint8(20), uint8(5), uint8(3), "日")
	f.Add(strings.Repeat("長", 300), "", uint8(1), uint8(2), uint8(0), "")
	f.Fuzz(func(t *testing.T, a, b string, w, h, move uint8, query string) {
		rows := []Row{
			{ID: a, Cells: []string{a, b, a + b}},
			{ID: b, Cells: []string{b}, Styles: []StyleID{1, 9}},
			{ID: "3", Cells: []string{a, a, a, a, a, a}},
		}
		m := New(testColumns(), WithStyles(Styles{}))
		m.SetSize(int(w%100), int(h%12))
		m.SetRows(rows)
		m.MoveBy(int(move % 4))
		m.SetWidthMethod(ansi.Method(move / 4 % 2))
		m.SetFilter(query)
		v := m.View()
		checkCachedLines(t, &m)
		checkSelectID(t, m, rows)
		if m.Height() == 0 {
			return
		}
		lines := strings.Split(v, "\n")
		if len(lines) != m.Height() {
			t.Fatalf("%d lines, want %d", len(lines), m.Height())
		}
		for _, l := range lines {
			if got := cellWidth(m, l); got != m.Width() {
				t.Fatalf("line %q is %d cells, want %d", l, got, m.Width())
			}
			if !utf8.ValidString(l) || strings.ContainsFunc(l, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }) {
				t.Fatalf("control character in %q", l)
			}
		}
	})
}

// checkSelectID fails unless, with the filter cleared, each row's ID selects
// the first row that has it, and Selected gives that ID back.
func checkSelectID(t *testing.T, m Model, rows []Row) {
	t.Helper()
	m.SetFilter("")
	for _, r := range rows {
		first := slices.IndexFunc(rows, func(o Row) bool { return o.ID == r.ID })
		if !m.SelectID(r.ID) || m.Cursor() != first {
			t.Fatalf("SelectID(%q): cursor %d, want %d", r.ID, m.Cursor(), first)
		}
		if got, ok := m.Selected(); !ok || got.ID != r.ID {
			t.Fatalf("after SelectID(%q) Selected gives %q", r.ID, got.ID)
		}
	}
}

package table

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// FuzzView draws hostile cells at arbitrary sizes and positions: every frame
// must have exactly the size set, no control character may reach it, and
// every cached line must be what drawing its row afresh gives.
func FuzzView(f *testing.F) {
	f.Add("\x1b[2J日本\u202E👩🏽‍💻", "x\ty", uint8(20), uint8(5), uint8(3), "日")
	f.Add(strings.Repeat("長", 300), "", uint8(1), uint8(2), uint8(0), "")
	f.Fuzz(func(t *testing.T, a, b string, w, h, move uint8, query string) {
		rows := []Row{
			{ID: "1", Cells: []string{a, b, a + b}},
			{ID: "2", Cells: []string{b}, Styles: []StyleID{1, 9}},
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

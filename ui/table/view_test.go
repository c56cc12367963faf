package table

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestViewDrawsHeaderAndWindow(t *testing.T) {
	m := newTable(t, numberedRows(0, 100), 60, 6)
	lines := screen(t, m)
	// 60 cells: gutter 2, four separators, fixed 8+10+7, so 18 spare cells
	// go 2:1 to Name and Partner on top of their minimums 6 and 5.
	want := []string{
		"  Name               ID       State      Role    Partner",
		"> Solution 00000     0        Active     owner   Partner 0",
		"  Solution 00001     1        Active     owner   Partner 1",
		"  Solution 00002     2        Active     owner   Partner 2",
		"  Solution 00003     3        Active     owner   Partner 3",
		"  Solution 00004     4        Active     owner   Partner 4",
	}
	for i := range want {
		if strings.TrimRight(lines[i], " ") != want[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i, lines[i], want[i])
		}
	}
}

func TestCursorStaysInView(t *testing.T) {
	m := newTable(t, numberedRows(0, 100), 60, 6) // 5 body lines
	m = press(m, "j", "j", "j", "j", "j", "j")    // cursor on row 6
	lines := screen(t, m)
	if got := selectedLine(t, lines); got != 5 {
		t.Fatalf("selected line %d, want the last line 5", got)
	}
	if !strings.Contains(lines[1], "Solution 00002") || !strings.Contains(lines[5], "Solution 00006") {
		t.Fatalf("window did not scroll by the minimum:\n%s", strings.Join(lines, "\n"))
	}
	m = press(m, "k", "k", "k", "k", "k") // back to row 1: the window must follow
	lines = screen(t, m)
	if got := selectedLine(t, lines); got != 1 || !strings.Contains(lines[1], "Solution 00001") {
		t.Fatalf("after moving up, selected line %d:\n%s", got, strings.Join(lines, "\n"))
	}
}

func TestKeysMoveCursor(t *testing.T) {
	m := newTable(t, numberedRows(0, 100), 60, 11) // 10 body lines
	steps := []struct {
		key  string
		want int
	}{
		{"down", 1}, {"j", 2}, {"up", 1}, {"k", 0}, {"k", 0},
		{"pgdown", 10}, {"pgdown", 20}, {"pgup", 10},
		{"G", 99}, {"j", 99}, {"g", 0}, {"end", 99}, {"home", 0},
		{"x", 0},
	}
	for _, s := range steps {
		m = press(m, s.key)
		if m.Cursor() != s.want {
			t.Fatalf("after %q cursor = %d, want %d", s.key, m.Cursor(), s.want)
		}
		if got := selectedLine(t, screen(t, m)); got < 1 {
			t.Fatalf("after %q the selected row is off screen", s.key)
		}
	}
}

func TestResizeRedrawsAtNewWidth(t *testing.T) {
	m := newTable(t, numberedRows(0, 50), 80, 10)
	m.MoveBy(30)
	screen(t, m)
	for _, size := range [][2]int{{40, 10}, {120, 40}, {25, 3}, {80, 24}} {
		m.SetSize(size[0], size[1])
		lines := screen(t, m)
		if got := selectedLine(t, lines); got < 1 || !strings.Contains(lines[got], "30") {
			t.Fatalf("at %dx%d the selected row 30 is not shown:\n%s", size[0], size[1], strings.Join(lines, "\n"))
		}
	}
	m.SetSize(120, 40)
	if lines := screen(t, m); !strings.Contains(lines[1], "Solution 00011") || !strings.Contains(lines[39], "Solution 00049") {
		t.Fatalf("a taller window should show the rows above, not leave the cursor's row at the top:\n%s", lines[1])
	}
}

func TestWideCharactersKeepWidths(t *testing.T) {
	rows := []Row{
		{ID: "1", Cells: []string{"日本語の会社名がとても長い", "中文", "有効", "オーナー", "パートナー"}},
		{ID: "2", Cells: []string{"👩🏽‍💻 Dev team 🇧🇷🇧🇷🇧🇷", "😀😀😀😀😀", "✅", "🧑‍🤝‍🧑", "🙂"}},
		{ID: "3", Cells: []string{"شركة الاتصالات المتقدمة", "Компания", "e\u0301\u0301\u0301", "x", "y"}},
		{ID: "4", Cells: []string{strings.Repeat("長", 10000), strings.Repeat("w", 10000)}},
	}
	for _, method := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for _, w := range []int{80, 47, 33, 21, 13, 9, 5, 2, 1} {
			m := newTable(t, rows, w, 6)
			m.SetWidthMethod(method)
			screen(t, m)
			m.Bottom()
			screen(t, m)
		}
	}
}

// Text the two width methods count differently: each row must still be
// exactly the table's width as the method in force counts it, and switching
// the method must redraw the rows already cached.
func TestRowsKeepWidthUnderEitherMethod(t *testing.T) {
	rows := []Row{
		{ID: "1", Cells: []string{"दिल्ली फ़ैशन 15", "1", "active", "owner", "दिल्ली"}},
		{ID: "2", Cells: []string{"👨‍👩‍👧‍👦 family 👩🏽‍💻", "2", "👨‍👩‍👧‍👦", "x", "y"}},
		{ID: "3", Cells: []string{"🇧🇷 Brasil 🇧 Flores", "3", "🇧", "🇧🇷🇧", "z"}},
		{ID: "4", Cells: []string{"I ❤️ tea ☺️", "4", "❤️❤️❤️❤️❤️", "☺️", "❤️"}},
	}
	for _, r := range rows {
		if ansi.StringWidthWc(r.Cells[0]) == ansi.StringWidth(r.Cells[0]) {
			t.Fatalf("%q measures the same under both methods; it tests nothing", r.Cells[0])
		}
	}
	for _, w := range []int{80, 41, 23, 12, 7} {
		m := newTable(t, rows, w, 6, WithStyles(DefaultStyles()))
		for _, method := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth, ansi.WcWidth} {
			m.SetWidthMethod(method)
			for range rows {
				screen(t, m)
				m.MoveBy(1)
			}
		}
	}
}

func TestHostileCellsAreDrawnInert(t *testing.T) {
	rows := []Row{{ID: "1", Cells: []string{
		"\x1b[2J\x1b]52;c;cm0gLXJm\x07evil\rname\n",
		"\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\",
		"\u202Egnp.exe", "\x07\x08", "\x9b31m",
	}}}
	m := newTable(t, rows, 80, 3, WithStyles(Styles{}))
	v := m.View()
	if strings.ContainsAny(v, "\x1b\x07\x08\r\u202E\u009b") {
		t.Fatalf("control characters reached the frame: %q", v)
	}
	lines := screen(t, m)
	if !strings.Contains(lines[1], "evil name") || !strings.Contains(lines[1], "link") {
		t.Fatalf("text lost while sanitising: %q", lines[1])
	}
}

func TestEmptyStates(t *testing.T) {
	m := New(testColumns(), WithEmptyText("No solutions yet."))
	m.SetSize(50, 4)
	lines := screen(t, m)
	if !strings.Contains(lines[1], "No solutions yet.") {
		t.Fatalf("empty table shows %q", lines[1])
	}
	if _, ok := m.Selected(); ok {
		t.Fatal("an empty table has a selection")
	}
	m = press(m, "j", "G", "pgdown", "k")
	m.SetRows(numberedRows(0, 3))
	m.SetFilter("nothing like this")
	lines = screen(t, m)
	if !strings.Contains(lines[1], "No rows match") || !strings.Contains(lines[1], "nothing like this") {
		t.Fatalf("filtered-out table shows %q", lines[1])
	}
}

func TestTinySizesNeverPanic(t *testing.T) {
	for _, rows := range [][]Row{nil, numberedRows(0, 3), numberedRows(0, 500)} {
		for w := 0; w <= 12; w++ {
			for h := 0; h <= 4; h++ {
				m := newTable(t, rows, w, h)
				m = press(m, "j", "G", "pgup", "pgdown", "g")
				m.SetFilter("1")
				screen(t, m)
				m.SetSize(-5, -5)
				screen(t, m)
			}
		}
	}
}

func TestCellStylesAndNoColor(t *testing.T) {
	rows := numberedRows(0, 5)
	for i := range rows {
		rows[i].Styles = []StyleID{0, 0, 1}
	}
	styled := newTable(t, rows, 70, 6, WithStyles(Styles{Cells: []lipglossStyle{{}, greenStyle()}}))
	screen(t, styled)
	if !strings.Contains(styled.View(), "\x1b[") {
		t.Fatal("a styled cell drew no escape codes")
	}
	plain := newTable(t, rows, 70, 6, WithStyles(Styles{}))
	if v := plain.View(); strings.Contains(v, "\x1b") {
		t.Fatalf("zero Styles still drew escape codes: %q", v)
	}
	if a, b := screen(t, styled), screen(t, plain); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("styling changed the text:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// TestViewDrawsOnlyTheWindow checks virtualisation directly: after frames
// at two scroll positions, only the rows that were on screen have been drawn.
func TestViewDrawsOnlyTheWindow(t *testing.T) {
	m := newTable(t, numberedRows(0, 5000), 80, 11)
	screen(t, m)
	m.MoveBy(2500)
	screen(t, m)
	drawn := 0
	for i := range m.Len() {
		if m.rows.lines.holds(m.rows.at(i).lines) {
			drawn++
		}
	}
	if drawn != 20 {
		t.Fatalf("%d rows drawn, want the 2 windows of 10", drawn)
	}
	m.SetSize(81, 11) // a new width makes every cached line stale
	screen(t, m)
	if lines := screen(t, m); !strings.Contains(lines[10], "Solution 02500") {
		t.Fatalf("after resize: %q", lines[10])
	}
}

func TestShortAbbreviatesOnlyCellsThatDoNotFit(t *testing.T) {
	cols := []Column{
		{Title: "Name", MinWidth: 6},
		{Title: "Event", Width: 14, Short: func(cell string, _ int) string {
			_, after, _ := strings.Cut(cell, "/")
			return after
		}},
	}
	m := New(cols)
	m.SetSize(2+6+1+14, 3)
	m.SetRows([]Row{
		{ID: "1", Cells: []string{"a", "update/PARTNER_ADDED"}},
		{ID: "2", Cells: []string{"b", "fits/as it is"}},
	})
	lines := screen(t, m)
	if got := strings.TrimRight(lines[1], " "); got != "> a      PARTNER_ADDED" {
		t.Errorf("a cell too wide: got %q, want its short form", got)
	}
	if got := strings.TrimRight(lines[2], " "); got != "  b      fits/as it is" {
		t.Errorf("a cell that fits: got %q, want it whole", got)
	}
	if !strings.Contains(lines[0], "Event") {
		t.Errorf("the header is not abbreviated: %q", lines[0])
	}
}

func TestPositionInHeader(t *testing.T) {
	m := newTable(t, numberedRows(0, 146), 60, 6, WithPosition())
	m = press(m, "j", "j")
	lines := screen(t, m)
	// The columns leave the position its room: no title is cut for it.
	if !strings.HasSuffix(lines[0], "  3/146") || !strings.Contains(lines[0], "Partner ") || len([]rune(lines[0])) != 60 {
		t.Fatalf("header %q: want the position 3/146 at its right end, 60 cells", lines[0])
	}
	m.SetFilter("Solution 0001")
	lines = screen(t, m)
	if !strings.HasSuffix(lines[0], " 1/10") {
		t.Fatalf("filtered header %q: want 1/10", lines[0])
	}
	m.SetFilter("nothing matches")
	if lines = screen(t, m); !strings.HasSuffix(lines[0], " 0/0") {
		t.Fatalf("empty header %q: want 0/0", lines[0])
	}
	m.SetFilter("")
	m.AppendRows(numberedRows(146, 1000))                                                                                                     // a digit more: the header makes room
	if lines = screen(t, m); !strings.HasSuffix(lines[0], " 1/1146") || !strings.Contains(lines[0], "Partn") || len([]rune(lines[0])) != 60 { // the narrower layout would drop a column: the last title is cut instead
		t.Fatalf("header after append %q", lines[0])
	}
}

package table

import (
	"fmt"
	"strings"
	"testing"
)

// TestFrameAllocsDoNotGrowWithRows: a cursor move plus View allocates as
// often at 100,000 rows, where every frame draws a row not drawn before, as
// at 100 rows, where every row is already drawn.
func TestFrameAllocsDoNotGrowWithRows(t *testing.T) {
	perFrame := func(n int) float64 {
		m := benchTable(n)
		_ = m.View()
		down := downKey()
		return testing.AllocsPerRun(1000, func() {
			if m.Cursor() == m.VisibleLen()-1 {
				m.Top()
			}
			m, _ = m.Update(down)
			_ = m.View()
		})
	}
	small, large := perFrame(100), perFrame(100_000)
	if large != small {
		t.Fatalf("a cursor move plus View allocates %v times at 100,000 rows, %v at 100", large, small)
	}
}

// TestScrollingThroughManySlabs draws more rows than one slab holds, one
// frame at a time, and checks every frame shows the rows it should.
func TestScrollingThroughManySlabs(t *testing.T) {
	const n = 1000 // about 200 bytes a row: 3 slabs
	m := newTable(t, numberedRows(0, n), 200, 4)
	for m.Cursor() < n-1 {
		lines := screen(t, m)
		for i, l := range lines[1:] {
			if want := fmt.Sprintf("Solution %05d", m.offset+i); !strings.Contains(l, want) {
				t.Fatalf("line %d shows %q, want %s", i+1, l, want)
			}
		}
		m.MoveBy(1)
	}
	if got := len(m.rows.lines.slabs); got < 2 {
		t.Fatalf("the lines fit in %d slab, so this test does not cross a slab boundary", got)
	}
}

// TestNewLayoutDropsOldLines: after a width change no line drawn for the old
// width is shown, and the slabs holding old lines are let go.
func TestNewLayoutDropsOldLines(t *testing.T) {
	m := newTable(t, numberedRows(0, 3000), 200, 4)
	for range 2000 {
		m.MoveBy(1)
		screen(t, m)
	}
	old := len(m.rows.lines.slabs)
	m.SetSize(90, 4)
	if got := len(m.rows.lines.slabs); got != 0 || old < 2 {
		t.Fatalf("after the resize the cache holds %d slabs (it held %d before)", got, old)
	}
	for _, top := range []int{0, 1000, 1990, 2999} {
		m.Top()
		m.MoveBy(top)
		screen(t, m) // fails on any line not 90 cells wide
	}
}

// TestCopiesWithOtherWidthsDrawTheirOwn: copies of a Model share the rows
// and their cache but not the layout, so each must draw its own width, also
// when both change their width after the copy is made.
func TestCopiesWithOtherWidthsDrawTheirOwn(t *testing.T) {
	wide := newTable(t, numberedRows(0, 50), 100, 6)
	narrow := wide
	narrow.SetSize(40, 6)
	for range 3 {
		screen(t, wide)
		screen(t, narrow)
		wide.MoveBy(7)
		narrow.MoveBy(3)
	}
	wide.SetSize(60, 6) // as many width changes as narrow has had
	wide.Top()
	narrow.Top()
	for range 3 {
		screen(t, narrow)
		screen(t, wide)
		wide.MoveBy(2)
	}
	fresh := wide
	fresh.SetRows(numberedRows(100, 50))
	fresh.SetSize(45, 6)
	screen(t, fresh)
	screen(t, wide)
}

// TestFramesStayAsReturned: View's frames share slabs with later frames, so
// check that drawing more never changes a frame already returned.
func TestFramesStayAsReturned(t *testing.T) {
	m := newTable(t, numberedRows(0, 500), 120, 41)
	var frames, copies []string
	for range 100 { // a slab holds about a dozen frames
		v := m.View()
		frames, copies = append(frames, v), append(copies, strings.Clone(v))
		m.MoveBy(3)
	}
	m.SetSize(80, 20)
	_ = m.View()
	for i := range frames {
		if frames[i] != copies[i] {
			t.Fatalf("frame %d changed after it was returned", i)
		}
	}
}

// checkCachedLines fails unless every line the cache holds is what drawing
// its row afresh at the current layout gives.
func checkCachedLines(t *testing.T, m *Model) {
	t.Helper()
	for i := range m.Len() {
		e := m.rows.at(i)
		if !m.rows.lines.holds(e.lines) {
			continue
		}
		plain, styled := m.rows.lines.lines(e.lines)
		r := m.rows.row(i)
		want := m.drawCells(cellsOf(r.Cells), nil)
		wantStyled := want
		if m.hasStyle(r.Styles) {
			wantStyled = m.drawCells(cellsOf(r.Cells), r.Styles)
		}
		if plain != want || styled != wantStyled {
			t.Fatalf("row %d is cached as %q / %q, drawn afresh it is %q / %q", i, plain, styled, want, wantStyled)
		}
	}
}

// TestCachedLinesMatchFreshOnes scrolls, resizes, filters and appends in
// turn, with a copy at another width drawn in between, and after every frame
// checks each cached line against the row drawn afresh.
func TestCachedLinesMatchFreshOnes(t *testing.T) {
	m := New(benchColumns(), WithStyles(benchStyles()))
	m.SetSize(160, 30)
	m.SetRows(wabaRows(0, 2000))
	widths := []int{160, 97, 43, 160, 12, 120}
	for step := range 600 {
		switch step % 60 {
		case 10:
			m.SetSize(widths[step/60%len(widths)], 30)
		case 20:
			m.SetFilter([]string{"customer 1", "", "active", "ns_"}[step/60%4])
		case 30:
			m.AppendRows(wabaRows(m.Len(), 50))
		case 40:
			other := m
			other.SetSize(71, 12)
			screen(t, other)
			checkCachedLines(t, &other)
		}
		m.MoveBy(step%7 - 2)
		screen(t, m)
		checkCachedLines(t, &m)
	}
}

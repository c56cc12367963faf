package table

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func testColumns() []Column {
	return []Column{
		{Title: "Name", Flex: 2, MinWidth: 6},
		{Title: "ID", Width: 8},
		{Title: "State", Width: 10},
		{Title: "Role", Width: 7},
		{Title: "Partner", MinWidth: 5},
	}
}

func numberedRows(from, n int) []Row {
	rows := make([]Row, n)
	for i := range rows {
		k := from + i
		rows[i] = Row{
			ID:    fmt.Sprint(k),
			Cells: []string{fmt.Sprintf("Solution %05d", k), fmt.Sprint(k), "Active", "owner", fmt.Sprintf("Partner %d", k%7)},
		}
	}
	return rows
}

func newTable(t testing.TB, rows []Row, w, h int, opts ...Option) Model {
	t.Helper()
	m := New(testColumns(), append([]Option{WithKeyMap(testKeyMap())}, opts...)...)
	m.SetSize(w, h)
	m.SetRows(rows)
	return m
}

// cellWidth measures s as the renderer would with m's width method: x/ansi's
// own functions, not the table's measure.
func cellWidth(m Model, s string) int {
	if m.measure.Method == ansi.GraphemeWidth {
		return ansi.StringWidth(s)
	}
	return ansi.StringWidthWc(s)
}

// screen returns View's lines with escape codes stripped, after checking the
// frame has exactly the size that was set.
func screen(t *testing.T, m Model) []string {
	t.Helper()
	v := m.View()
	if m.Height() == 0 {
		if v != "" {
			t.Fatalf("height 0 drew %q", v)
		}
		return nil
	}
	lines := strings.Split(v, "\n")
	if len(lines) != m.Height() {
		t.Fatalf("View has %d lines, want %d:\n%s", len(lines), m.Height(), v)
	}
	for i, l := range lines {
		if w := cellWidth(m, l); w != m.Width() {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, w, m.Width(), l)
		}
		lines[i] = ansi.Strip(l)
	}
	return lines
}

// selectedLine returns the index of the one line marked as selected.
func selectedLine(t *testing.T, lines []string) int {
	t.Helper()
	found := -1
	for i, l := range lines {
		if strings.HasPrefix(l, gutterMark) {
			if found >= 0 {
				t.Fatalf("lines %d and %d are both marked selected", found, i)
			}
			found = i
		}
	}
	return found
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m, _ = m.Update(keyMsg(k))
	}
	return m
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{
		"up": tea.KeyUp, "down": tea.KeyDown, "pgup": tea.KeyPgUp,
		"pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if code, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func selectedID(t *testing.T, m Model) string {
	t.Helper()
	r, ok := m.Selected()
	if !ok {
		t.Fatal("no row selected")
	}
	return r.ID
}

func mouseClick(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

func mouseWheel(up bool) tea.MouseWheelMsg {
	if up {
		return tea.MouseWheelMsg{Button: tea.MouseWheelUp}
	}
	return tea.MouseWheelMsg{Button: tea.MouseWheelDown}
}

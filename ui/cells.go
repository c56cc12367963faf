package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"mps/graph"
	"mps/ui/table"
	"mps/ui/text"
)

// Table cell styles: 1 to 7 are the display states (stateStyle), then a
// few for emphasis.
const (
	styleSection table.StyleID = 8 + iota
	styleWarn
	styleMuted
)

// stateStyle is the cell style of a display state.
func stateStyle(st graph.State) table.StyleID { return table.StyleID(int(st) + 1) }

// tableStyles turns the theme into the table's styles; NO_COLOR keeps only
// weight and reverse video.
func tableStyles(s Styles) table.Styles {
	out := table.Styles{
		Header:   lipgloss.NewStyle().Bold(true),
		Selected: lipgloss.NewStyle().Reverse(true),
		Empty:    lipgloss.NewStyle(),
		Cells:    make([]lipgloss.Style, int(styleMuted)+1),
	}
	if s.NoColor {
		out.Cells[styleSection] = lipgloss.NewStyle().Bold(true)
		return out
	}
	for _, st := range append(graph.KnownStates(), graph.StateOther) {
		out.Cells[stateStyle(st)] = lipgloss.NewStyle().Foreground(lipgloss.Color(stateColor(st)))
	}
	out.Cells[styleSection] = s.Section
	out.Cells[styleWarn] = s.Warning
	out.Cells[styleMuted] = s.Muted
	out.Empty = s.Muted
	return out
}

func newTable(c *Shared, cols []table.Column, opts ...table.Option) table.Model {
	return table.New(cols, append([]table.Option{table.WithStyles(tableStyles(c.Styles)), table.WithKeyMap(c.Keys.tableKeys()), table.WithPosition()}, opts...)...)
}

// sizeTable gives a tab's table its size and the width method in force, so
// that a layout after the terminal's mode report redraws the rows with it.
func sizeTable(c *Shared, t *table.Model, w, h int) {
	t.SetWidthMethod(c.Measure.Method)
	t.SetSize(w, h)
}

// stateCell is a solution's state as mark and label (raw for unknown ones).
func stateCell(s *graph.Solution) string {
	return stateMark(s.State()) + " " + s.StateLabel()
}

// stateColumn is the State column of a table, which when narrow shrinks to
// the marks alone, the legend the tabs' headers give; priority orders it
// among the table's columns.
func stateColumn(priority int) table.Column {
	return table.Column{Title: "State", Width: 22, MinWidth: 1, Priority: priority, Short: stateMarkOnly}
}

// stateMarkOnly cuts a stateCell to its mark when its label does not fit.
// A status mps does not know keeps its raw value, cut to the width like
// any text: no mark stands for it.
func stateMarkOnly(cell string, _ int) string {
	mark, _, _ := strings.Cut(cell, " ")
	if mark == stateMark(graph.StateOther) {
		return cell
	}
	return mark
}

// partnerCell names the app on the other side.
func partnerCell(s *graph.Solution, role graph.Role) string {
	if a := graph.Counterpart(s, role); a != nil {
		if a.Name != "" {
			return a.Name
		}
		return a.ID
	}
	return "—"
}

func messagingCell(s *graph.Solution) string {
	if side := graph.MessagingSide(s); side != "" {
		return side
	}
	return "—"
}

// loadState is one list's loading, error and progress, for the lines shown
// when it has no rows.
type loadState struct {
	loading bool
	err     error
	done    bool // a load finished at least once
}

// emptyText says why a list has no rows: still loading, failed, or empty.
func (l loadState) emptyText(c *Shared, what, empty string) string {
	switch {
	case l.err != nil:
		return describeError(c, "Loading "+what, l.err)
	case l.loading || !l.done:
		return "Loading " + what + "…"
	}
	return empty
}

// countStates adds up the solutions of each state in list to n.
func countStates(n map[graph.State]int, list []graph.Solution) {
	for i := range list {
		n[list[i].State()]++
	}
}

// stateCounts is "◆ Pending 3 · ● Active 6 …" for the states that occur.
func stateCounts(m text.Measure, n map[graph.State]int, width int) string {
	var full, compact []string
	add := func(st graph.State, name string) {
		if n[st] > 0 {
			count := strconv.Itoa(n[st])
			full = append(full, stateMark(st)+" "+name+" "+count)
			compact = append(compact, stateMark(st)+count)
		}
	}
	for _, st := range graph.KnownStates() {
		add(st, st.String())
	}
	add(graph.StateOther, "other")
	line := strings.Join(full, " · ")
	if m.Width(line) > width {
		// Narrow terminal: the marks alone, as the legend on the rows says.
		line = strings.Join(compact, "  ")
	}
	return line
}

package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
	"mps/ui/text"
)

// copyTarget is an ID the copy key can put on the clipboard, and what it
// names ("solution", "WABA"), for the notice; with the name and the table
// row it was selected on, for the keys that copy those.
type copyTarget struct {
	what string
	id   string
	name string
	row  []string // the row's cells as the table shows them, sanitised
}

func solutionTarget(s graph.Solution) copyTarget {
	return copyTarget{what: "solution", id: s.ID, name: text.Sanitize(s.Name)}
}

// selectedID is what the copy key copies: the inspected solution, or the
// active tab's selected row.
func (a *App) selectedID() (copyTarget, bool) {
	if a.inspector != nil {
		return solutionTarget(a.inspector.sol), true
	}
	if c, ok := a.activeTab().(idCopier); ok {
		return c.SelectedID()
	}
	return copyTarget{}, false
}

// copySelected puts the selected item's ID on the system clipboard (OSC 52).
// Only a Graph ID, all digits, is sent: server text that is not one never
// reaches the clipboard, from where it could be pasted into a shell.
func (a *App) copySelected() tea.Cmd {
	target, ok := a.selectedID()
	if !ok || target.id == "" {
		a.setNotice("Nothing to copy: no row with an ID is selected.", true)
		return nil
	}
	if !graph.ValidID(target.id) {
		a.setNotice(fmt.Sprintf("Nothing to copy: the %s's ID %q is not a Graph ID (digits only).", target.what, text.Truncate(text.Sanitize(target.id), 40)), true)
		return nil
	}
	a.setNotice(fmt.Sprintf("Copied %s ID %s to the clipboard.", target.what, target.id), false)
	return tea.SetClipboard(target.id)
}

// rowTarget is the ID of the table's selected row, which names what, and
// whose first cell is its name.
func rowTarget(t table.Model, what string) (copyTarget, bool) {
	r, ok := t.Selected()
	target := copyTarget{what: what, id: r.ID, row: r.Cells}
	if len(r.Cells) > 0 {
		target.name = r.Cells[0]
	}
	return target, ok
}

// solutionTargetAt is the solution of the table's selected row; a row that
// is not one of the list's solutions (a section title) has nothing to copy.
func (f *solutionFeed) solutionTargetAt(t table.Model) (copyTarget, bool) {
	s, ok := f.solutionAt(t)
	target := solutionTarget(s)
	if r, shown := t.Selected(); shown {
		target.row = r.Cells
	}
	return target, ok
}

// copyName puts the selected item's name on the clipboard. Names are
// server text, sanitised, so no escape or line break reaches it.
func (a *App) copyName() tea.Cmd {
	target, ok := a.selectedID()
	if !ok || target.name == "" {
		a.setNotice("Nothing to copy: the selection has no name.", true)
		return nil
	}
	a.setNotice(fmt.Sprintf("Copied the %s's name to the clipboard.", target.what), false)
	return tea.SetClipboard(target.name)
}

// copyRow puts the selected table row on the clipboard as one line of
// tab-separated cells, for a spreadsheet.
func (a *App) copyRow() tea.Cmd {
	target, ok := a.selectedID()
	if !ok || len(target.row) == 0 {
		a.setNotice("Nothing to copy: no table row is selected.", true)
		return nil
	}
	a.setNotice(fmt.Sprintf("Copied the %s's row to the clipboard (tab-separated).", target.what), false)
	return tea.SetClipboard(tsvLine(target.row))
}

// tsvLine joins cells with tabs; a tab inside a cell, which would shift
// the columns, becomes a space.
func tsvLine(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ReplaceAll(c, "\t", " ")
	}
	return strings.Join(out, "\t")
}

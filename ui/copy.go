package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
	"mps/ui/text"
)

// copyTarget is an ID the copy key can put on the clipboard, and what it
// names ("solution", "WABA"), for the notice.
type copyTarget struct {
	what string
	id   string
}

func solutionTarget(s graph.Solution) copyTarget { return copyTarget{what: "solution", id: s.ID} }

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

// rowTarget is the ID of the table's selected row, which names what.
func rowTarget(t table.Model, what string) (copyTarget, bool) {
	r, ok := t.Selected()
	return copyTarget{what: what, id: r.ID}, ok
}

// solutionTargetAt is the solution of the table's selected row; a row that
// is not one of the list's solutions (a section title) has nothing to copy.
func (f *solutionFeed) solutionTargetAt(t table.Model) (copyTarget, bool) {
	s, ok := f.solutionAt(t)
	return solutionTarget(s), ok
}

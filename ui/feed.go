package ui

import (
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
)

// solutionFeed is the part of a tab that draws from the shared solution
// list (Shared.Solutions): it calls the tab back when the list moved
// since the tab last drew it.
type solutionFeed struct {
	data *Solutions
	mark viewMark
	// changed redraws the rows: all of them, or only the added ones.
	changed func(added []graph.Solution, all bool)
	// settled redraws what depends on the load state (the empty text).
	settled func()
}

func newSolutionFeed(c *Shared, changed func(added []graph.Solution, all bool), settled func()) solutionFeed {
	return solutionFeed{data: c.Solutions, changed: changed, settled: settled}
}

// list is the shared solution list, in ID order.
func (f *solutionFeed) list() []graph.Solution { return f.data.List() }

// syncData redraws what changed in the list since the tab last drew it:
// nothing when its version did not move, so a key press costs nothing here.
func (f *solutionFeed) syncData() {
	list := f.data.List()
	from, all, moved := f.data.since(&f.mark, len(list))
	if !moved {
		return
	}
	if all || from < len(list) {
		f.changed(list[from:], all)
	}
	f.settled()
}

func (f *solutionFeed) Busy() bool { return f.data.Loading() }

// Refresh does nothing of its own: the root reloads the shared list.
func (f *solutionFeed) Refresh() tea.Cmd { return nil }

// solutionAt is the solution of the table's selected row.
func (f *solutionFeed) solutionAt(t table.Model) (graph.Solution, bool) {
	r, ok := t.Selected()
	if !ok {
		return graph.Solution{}, false
	}
	return f.data.Solution(r.ID)
}

// inspectSelected opens the inspector on the table's selected solution.
func (f *solutionFeed) inspectSelected(t table.Model) tea.Cmd {
	s, ok := f.solutionAt(t)
	if !ok {
		return nil
	}
	return func() tea.Msg { return inspectMsg{Solution: s} }
}

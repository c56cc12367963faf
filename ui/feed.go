package ui

import (
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
)

// solutionFeed is the part of a tab that holds the shared solution list as
// the root hands it over; it implements solutionSink for the tab that
// embeds it and calls the tab back when the rows must change.
type solutionFeed struct {
	all  []graph.Solution
	load loadState
	// changed redraws the rows: all of them when replaced, else only added.
	changed func(added []graph.Solution, replaced bool)
	// settled redraws what depends on the load state (the empty text).
	settled func()
}

func newSolutionFeed(changed func(added []graph.Solution, replaced bool), settled func()) solutionFeed {
	return solutionFeed{load: loadState{loading: true}, changed: changed, settled: settled}
}

func (f *solutionFeed) SolutionsPage(items []graph.Solution, first bool) {
	if first {
		f.all = append([]graph.Solution(nil), items...)
		f.changed(nil, true)
		return
	}
	f.all = append(f.all, items...)
	f.changed(items, false)
}

func (f *solutionFeed) SolutionsDone(err error) {
	f.load = loadState{err: err, done: true}
	f.settled()
}

func (f *solutionFeed) SolutionChanged(s graph.Solution) {
	if replaceSolution(f.all, s) {
		f.changed(nil, true)
	}
}

func (f *solutionFeed) Busy() bool { return f.load.loading }

// Refresh marks a reload; the root owns the list and reloads it.
func (f *solutionFeed) Refresh() tea.Cmd {
	f.load.loading = true
	f.settled()
	return nil
}

// solutionAt is the solution of the table's selected row.
func (f *solutionFeed) solutionAt(t table.Model) (graph.Solution, bool) {
	r, ok := t.Selected()
	if !ok {
		return graph.Solution{}, false
	}
	return findSolution(f.all, r.ID)
}

// inspectSelected opens the inspector on the table's selected solution.
func (f *solutionFeed) inspectSelected(t table.Model) tea.Cmd {
	s, ok := f.solutionAt(t)
	if !ok {
		return nil
	}
	return func() tea.Msg { return inspectMsg{Solution: s} }
}

// replaceSolution swaps in a fresh copy of a solution by ID.
func replaceSolution(list []graph.Solution, s graph.Solution) bool {
	for i := range list {
		if list[i].ID == s.ID {
			list[i] = s
			return true
		}
	}
	return false
}

func findSolution(list []graph.Solution, id string) (graph.Solution, bool) {
	for i := range list {
		if list[i].ID == id {
			return list[i], true
		}
	}
	return graph.Solution{}, false
}

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
	all []graph.Solution // in ID order (graph.SortSolutions)
	// known is every solution as last learned, across loads: a fresh list
	// that answered only its default fields keeps the role, the other
	// side's app and the permissions a solution's read or an earlier list
	// brought (graph.KeepKnown), so a role once known never goes back to
	// unknown on r, a webhook's reload or the periodic reload.
	known map[string]graph.Solution
	load  loadState
	// changed redraws the rows: all of them when replaced, else only added.
	changed func(added []graph.Solution, replaced bool)
	// settled redraws what depends on the load state (the empty text).
	settled func()
}

func newSolutionFeed(changed func(added []graph.Solution, replaced bool), settled func()) solutionFeed {
	return solutionFeed{load: loadState{loading: true}, changed: changed, settled: settled}
}

func (f *solutionFeed) SolutionsPage(items []graph.Solution, first bool) {
	items = f.learn(items)
	graph.SortSolutions(items)
	if first {
		f.all = items
		f.changed(nil, true)
		return
	}
	// The two role chains' pages interleave: rows that sort after every
	// row shown are appended, others make the rows be drawn again.
	inOrder := len(f.all) == 0 || len(items) == 0 || graph.CompareIDs(f.all[len(f.all)-1].ID, items[0].ID) < 0
	f.all = append(f.all, items...)
	if inOrder {
		f.changed(items, false)
		return
	}
	graph.SortSolutions(f.all)
	f.changed(nil, true)
}

// learn merges each solution with what was known of it and remembers the
// result; it returns a new slice.
func (f *solutionFeed) learn(items []graph.Solution) []graph.Solution {
	if f.known == nil {
		f.known = map[string]graph.Solution{}
	}
	out := make([]graph.Solution, len(items))
	for i, s := range items {
		s = graph.KeepKnown(s, f.known[s.ID])
		f.known[s.ID] = s
		out[i] = s
	}
	return out
}

func (f *solutionFeed) SolutionsDone(err error) {
	f.load = loadState{err: err, done: true}
	f.settled()
}

func (f *solutionFeed) SolutionChanged(s graph.Solution) {
	s = f.learn([]graph.Solution{s})[0]
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

package ui

import (
	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// Tab is one screen behind the tab bar. Adding a tab means writing a type
// with these methods and appending it in newTabs.
type Tab interface {
	ID() TabID
	// Title is the tab bar label; it may carry a count.
	Title() string
	// Init starts the tab's own loads, if any.
	Init() tea.Cmd
	// Update handles the mouse and the results addressed to the tab.
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	// Bindings are the tab's keys as they work now: what each does, and
	// why it cannot when it cannot. Help is drawn from them.
	Bindings() []Binding
	// Refresh reloads what the tab shows.
	Refresh() tea.Cmd
	// SetFilter narrows the rows to those containing text.
	SetFilter(text string)
	// Busy says whether a load is running (for the spinner).
	Busy() bool
}

// solutionSink is a tab drawn from the app's solution list, which the root
// loads once and hands to every such tab page by page.
type solutionSink interface {
	// SolutionsPage adds a page; first says it starts a new load.
	SolutionsPage(items []graph.Solution, first bool)
	// SolutionsDone ends a load, with its error if it failed.
	SolutionsDone(err error)
	// SolutionChanged replaces one solution in place after an action.
	SolutionChanged(s graph.Solution)
}

// solutionPicker is a tab whose cursor can rest on a solution, so the
// action keys work there.
type solutionPicker interface {
	SelectedSolution() (graph.Solution, bool)
}

// solutionSelector can move its cursor to a solution by ID.
type solutionSelector interface {
	SelectSolution(id string) bool
}

// idCopier is a tab whose cursor can rest on something with a Graph ID,
// which the copy key puts on the clipboard.
type idCopier interface {
	// SelectedID is the selected row's ID and what it names; false when
	// no row with an ID is selected.
	SelectedID() (copyTarget, bool)
}

// filterHolder is a tab that can say which text filter it was left with,
// so the filter line shows it again when the tab comes back.
type filterHolder interface {
	FilterText() string
}

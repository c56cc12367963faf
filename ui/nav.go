package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// place is a view the user went on from, to come back to with esc: the
// tab with its filter and its own view (sub-list, cursor), and the
// inspector open over it, if any.
type place struct {
	tab    int
	filter string
	// view puts the tab's sub-list and cursor back as they were; nil for
	// a tab that keeps nothing of its own.
	view func()
	// solution is the inspector's solution; nil when no inspector was open.
	solution *graph.Solution
	offset   int // the inspector's scroll
}

// backDepth bounds the back stack: a long walk forgets its oldest steps.
const backDepth = 32

// viewKeeper is a tab whose view a jump from elsewhere may change (its
// cursor, the sub-list it shows); keepView returns what puts it back.
type viewKeeper interface {
	keepView() func()
}

// here is the view on screen now, as a place to come back to.
func (a *App) here() place {
	p := place{tab: a.active, filter: a.activeFilter()}
	if k, ok := a.activeTab().(viewKeeper); ok {
		p.view = k.keepView()
	}
	if a.inspector != nil {
		s := a.inspector.sol
		p.solution, p.offset = &s, a.inspector.offset
	}
	return p
}

// goingOn remembers the view on screen before a jump (enter on a row that
// opens something elsewhere), so that esc comes back to it.
func (a *App) goingOn() {
	a.raw = nil // the raw view is a look, not a place
	a.back = append(a.back, a.here())
	if len(a.back) > backDepth {
		a.back = a.back[len(a.back)-backDepth:]
	}
}

// canGoBack says whether esc has a place to return to.
func (a *App) canGoBack() bool { return len(a.back) > 0 }

// goBack returns to the last place left, with its filter, cursor and
// inspector (which reads its solution again).
func (a *App) goBack() tea.Cmd {
	if len(a.back) == 0 {
		return nil
	}
	p := a.back[len(a.back)-1]
	a.back = a.back[:len(a.back)-1]
	a.raw, a.inspector = nil, nil
	a.switchTab(p.tab)
	a.activeTab().SetFilter(p.filter)
	a.filter.SetValue(p.filter)
	if p.view != nil {
		p.view()
	}
	if p.solution == nil {
		return nil
	}
	cmd := a.openInspector(*p.solution)
	a.inspector.offset = p.offset
	return cmd
}

// leaveInspector is esc in the inspector: back to where it was opened
// from, or, with no way back, to the tab under it.
func (a *App) leaveInspector() tea.Cmd {
	if a.canGoBack() {
		return a.goBack()
	}
	a.closeInspector()
	return nil
}

// startAfresh forgets the way back: a tab chosen by hand (tab, a digit, a
// click) is a new start, and esc there does not return to where the last
// jump came from.
func (a *App) startAfresh() { a.back = nil }

// backLabel names where esc goes back to, for the footer and help.
func (a *App) backLabel() string {
	p := a.back[len(a.back)-1]
	if p.solution != nil {
		return "back to " + text.Sanitize(p.solution.Name)
	}
	title := a.tabs[p.tab].Title()
	if cut := strings.Index(title, " ("); cut > 0 {
		title = title[:cut]
	}
	return "back to " + title
}

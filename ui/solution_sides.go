package ui

import (
	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// sidesTab is the Origin tab of the reads that fill in a listed solution's
// sides.
const sidesTab TabID = -4

// sideReads fill in what a list that answered only its default fields
// lacks (graph-api-notes.md, "A list may answer only its default fields"):
// each solution's apps and permissions, from its own GET /{solution-id}.
// Like the Customers checklist's, they are lazy and few: only the
// solutions the active tab shows on screen, graph.SideReadsAtOnce at a
// time, each at most once until r, and none while a load runs, while a
// dialog, the form or the inspector is open, or while Graph asks us to
// wait. Under lists that bring the sides, nothing is read. What a read
// brings stays known across reloads (graph.KeepKnown), so a solution is
// read once a run.
type sideReads struct {
	asked    map[string]bool
	inFlight int
}

// forget lets every solution be read again (r).
func (r *sideReads) forget() { r.asked = nil }

// readSides starts the next round of side reads, when one is due.
func (a *App) readSides() tea.Cmd {
	r := &a.sides
	t, ok := a.activeTab().(showsSolutions)
	if !ok || r.inFlight > 0 || a.ctx.Solutions.Loading() || a.dialog != nil || a.form != nil || a.inspector != nil || a.status.throttled(a.ctx.Now()) {
		return nil
	}
	var cmds []tea.Cmd
	for _, id := range t.solutionsOnScreen() {
		if len(cmds) == graph.SideReadsAtOnce {
			break
		}
		s, known := a.ctx.Solutions.Solution(id)
		if !known || r.asked[id] || !s.LacksSides() {
			continue
		}
		if r.asked == nil {
			r.asked = map[string]bool{}
		}
		r.asked[id] = true
		cmds = append(cmds, readSolution(a.ctx.Ctx, a.ctx, Origin{Tab: sidesTab}, id))
	}
	r.inFlight = len(cmds)
	return tea.Batch(cmds...)
}

// sidesRead takes one side read's answer. A failed read leaves the row as
// the list gave it (—); opening the solution reads it again and says why.
func (a *App) sidesRead(msg solutionReadMsg) {
	a.sides.inFlight = max(a.sides.inFlight-1, 0)
	if msg.Err == nil && msg.Solution != nil {
		a.solutionChanged(*msg.Solution)
	}
}

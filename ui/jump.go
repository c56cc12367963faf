package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
	"mps/ui/text"
)

// The jump (:, as in k9s) opens a solution, a WABA or a partner app by its
// ID from anywhere: what the loaded lists hold at once, and any other ID by
// reading it from Graph as a solution.

// jumpReadMsg is the solution read for an ID no loaded list holds.
type jumpReadMsg struct {
	id       string
	solution *graph.Solution
	err      error
}

// jumpKey edits the ID; enter jumps, esc gives up.
func (a *App) jumpKey(k tea.KeyPressMsg) tea.Cmd {
	keys := a.ctx.Keys
	switch {
	case key.Matches(k, keys.Back):
		a.jump = nil
		return nil
	case key.Matches(k, keys.FilterDone):
		id := strings.TrimSpace(a.jump.Value())
		a.jump = nil
		return a.jumpTo(id)
	}
	a.jump.Update(k)
	return nil
}

// jumpTo opens what id names: a loaded solution in its inspector, a loaded
// WABA on Customers, a loaded partner app on Partners; else it asks Graph.
func (a *App) jumpTo(id string) tea.Cmd {
	if !graph.ValidID(id) {
		a.setNotice("“"+text.Truncate(text.Sanitize(id), 40)+"” is not an ID: Graph IDs are digits only.", true)
		return nil
	}
	if s, ok := a.ctx.Solutions.Solution(id); ok {
		a.inspector = nil
		return a.openSolution(s, true)
	}
	if c := a.customers(); c != nil && hasRow(c.wabas, id) {
		return a.showWABA(id)
	}
	for i, t := range a.tabs {
		if p, ok := t.(*partnersTab); ok && hasRow(p.apps, id) {
			a.inspector = nil
			a.switchTab(i)
			p.SelectApp(id)
			return nil
		}
	}
	a.setNotice("Looking up "+id+"…", false)
	ctx, c := a.ctx.Ctx, a.ctx
	return func() tea.Msg {
		s, err := c.Client.Solution(ctx, id)
		return jumpReadMsg{id: id, solution: s, err: err}
	}
}

// hasRow reports whether the table holds a row with this ID, shown or not.
func hasRow(t table.Model, id string) bool {
	_, ok := t.CellByID(id, 0)
	return ok
}

// jumpRead opens the solution read for the jump, or says that nothing
// loaded or readable has the ID.
func (a *App) jumpRead(msg jumpReadMsg) tea.Cmd {
	if msg.err != nil || msg.solution == nil {
		// Graph answers an ID that names nothing, or nothing the token
		// may read as a solution, as an invalid request.
		if msg.err != nil && graph.ClassOf(msg.err) != graph.ClassInvalid {
			a.setNotice(describeError(a.ctx, "Looking up "+msg.id, msg.err), true)
			return nil
		}
		a.setNotice("No solution, WABA or partner app has the ID "+msg.id+": none is loaded, and Graph reads no solution with it.", true)
		return nil
	}
	a.inspector = nil
	return a.openSolution(*msg.solution, true)
}

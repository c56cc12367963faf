package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// actionKind is what a key asks for; the state decides the exact action.
type actionKind int

const (
	actionAnswerAccept actionKind = iota
	actionAnswerReject
	actionDeactivate
)

// targetSolution is the solution the action keys apply to: the inspector's,
// or the one under the active tab's cursor.
func (a *App) targetSolution() (graph.Solution, bool) {
	if a.inspector != nil {
		return a.inspector.sol, true
	}
	if p, ok := a.activeTab().(solutionPicker); ok {
		return p.SelectedSolution()
	}
	return graph.Solution{}, false
}

// requestAction checks the action against the state and our role. A refused
// one says why and sends nothing; an allowed one opens the confirm dialog.
func (a *App) requestAction(kind actionKind) tea.Cmd {
	s, ok := a.targetSolution()
	if !ok {
		if _, picks := a.activeTab().(solutionPicker); picks || a.inspector != nil {
			a.setNotice("Select a solution first.", true)
		} else {
			a.setNotice("Actions work on the Solutions and Pending tabs and in the inspector.", true)
		}
		return nil
	}
	if a.acting {
		a.setNotice("An action is still being sent; wait for its result.", true)
		return nil
	}
	st := s.State()
	var act graph.Action
	switch kind {
	case actionAnswerAccept:
		act = graph.AnswerFor(st, true)
	case actionAnswerReject:
		act = graph.AnswerFor(st, false)
	default:
		act = graph.ActionRequestDeactivation
	}
	role := graph.RoleOf(&s, a.ctx.AppID)
	if v := graph.Check(act, st, role); !v.Allowed {
		a.setNotice(fmt.Sprintf("Cannot %s %q: %s.", lowerFirst(act.Title()), text.Sanitize(s.Name), v.Reason), true)
		return nil
	}
	req := actionRequest{Action: act, Solution: s, Role: role}
	return func() tea.Msg { return confirmMsg{Request: req} }
}

func (a *App) dialogClosed(msg dialogClosedMsg) tea.Cmd {
	a.dialog = nil
	if !msg.Confirmed {
		a.setNotice("Cancelled: nothing was sent.", false)
		return nil
	}
	a.acting = true
	a.setNotice(fmt.Sprintf("Sending %s for %q…", lowerFirst(msg.Request.Action.Title()), text.Sanitize(msg.Request.Solution.Name)), false)
	return runAction(a.ctx.Ctx, a.ctx, msg.Request)
}

// actionDone reports the outcome and puts the solution as read again in
// place. An unknown outcome is reported with what the read found; it is
// never sent again.
func (a *App) actionDone(msg actionDoneMsg) tea.Cmd {
	a.acting = false
	title := msg.Request.Action.Title()
	name := text.Sanitize(msg.Request.Solution.Name)
	if msg.After != nil {
		a.solutionChanged(*msg.After)
	}
	found := ""
	if msg.After != nil {
		found = "it is now " + text.Sanitize(msg.After.StateLabel())
	}
	switch {
	case msg.Err != nil && !msg.Unknown:
		a.setNotice(describeError(a.ctx, fmt.Sprintf("%s for %q", title, name), msg.Err), true)
	case msg.Unknown && msg.After != nil:
		a.setNotice(fmt.Sprintf("%s for %q: the outcome was unknown (the connection failed after sending), so mps read the solution again: %s. Nothing was resent.", title, name, found), true)
	case msg.Unknown:
		a.setNotice(fmt.Sprintf("%s for %q: the outcome is unknown and the solution could not be read again (%s). Nothing was resent; press r to check.", title, name, text.Sanitize(errorDetail(msg.ReadErr))), true)
	case msg.ReadErr != nil:
		a.setNotice(fmt.Sprintf("%s for %q was sent, but reading it again failed: %s", title, name, describeError(a.ctx, "reading", msg.ReadErr)), true)
	default:
		a.setNotice(fmt.Sprintf("Done: %s for %q; %s.", lowerFirst(title), name, found), false)
	}
	return nil
}

// solutionChanged puts a fresh copy of a solution everywhere it is shown.
func (a *App) solutionChanged(s graph.Solution) {
	for _, sink := range a.sinks() {
		sink.SolutionChanged(s)
	}
	if a.inspector != nil && a.inspector.sol.ID == s.ID {
		a.inspector.sol = s
	}
}

// openSolution opens the inspector on a solution, first moving to the
// Solutions tab when asked (a jump from another tab).
func (a *App) openSolution(s graph.Solution, jump bool) tea.Cmd {
	if jump {
		for i, t := range a.tabs {
			if t.ID() == TabSolutions {
				a.switchTab(i)
				if sel, ok := t.(solutionSelector); ok {
					sel.SelectSolution(s.ID)
				}
			}
		}
	}
	a.inspector = newInspector(a.ctx, s, 0)
	a.inspector.wabaName = a.customerName
	a.inspector.height = a.bodyHeight()
	return a.inspector.refresh(a.nextSeq())
}

func (a *App) setNotice(text string, bad bool) {
	a.notice, a.noticeBad, a.noticeAt = text, bad, a.ctx.Now()
}

// noticeHold is how long a notice the user caused (an action's result, an
// error) stays before background news such as a webhook may replace it.
const noticeHold = 8 * time.Second

// setNews shows background news unless a recent notice would be lost.
func (a *App) setNews(text string) {
	if a.notice != "" && a.ctx.Now().Sub(a.noticeAt) < noticeHold {
		return
	}
	a.setNotice(text, false)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// knownSolution is the best copy at hand of the solution a jump names.
func (a *App) knownSolution(msg OpenSolutionMsg) graph.Solution {
	if msg.Solution != nil {
		return *msg.Solution
	}
	for _, t := range a.tabs {
		if st, ok := t.(*solutionsTab); ok {
			if s, found := findSolution(st.all, msg.ID); found {
				return s
			}
		}
	}
	return graph.Solution{ID: msg.ID}
}

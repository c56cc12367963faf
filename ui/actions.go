package ui

import (
	"context"
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/act"
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

// requestAction starts asking for an action: it reads the solution first,
// and the dialog opens (or the refusal shows) when that read answers. While
// the read runs, or while an action for the solution is in flight, the key
// is refused with a notice, so that a burst of keys opens one dialog at most.
func (a *App) requestAction(kind actionKind) tea.Cmd {
	if reason := a.actionRefused(kind); reason != "" {
		a.setNotice(reason, true)
		return nil
	}
	s, _ := a.targetSolution()
	a.asking = &askState{kind: kind, row: s, seq: a.nextSeq()}
	a.setNotice(fmt.Sprintf("Reading %q before asking…", text.Sanitize(s.Name)), false)
	return readSolution(a.ctx.Ctx, a.ctx, Origin{Tab: askTab, Seq: a.asking.seq}, s.ID)
}

// actionRefused is why an action key does nothing now, or "": no solution
// has focus, a read before asking or an action for the solution is under
// way (the once-only rules), or graph's verdict on the copy at hand. A copy
// that does not say our side is left to the read before asking.
func (a *App) actionRefused(kind actionKind) string {
	s, ok := a.targetSolution()
	if !ok {
		return "Select a solution first."
	}
	if a.asking != nil {
		return fmt.Sprintf("Still reading %q before asking; wait for its dialog.", text.Sanitize(a.asking.row.Name))
	}
	if a.inFlight[s.ID] {
		return fmt.Sprintf("An action for %q is still being sent; wait for its result.", text.Sanitize(s.Name))
	}
	role := graph.RoleOf(&s, a.ctx.AppID)
	if role == graph.RoleUnknown {
		return ""
	}
	act := kind.action(s.State())
	if v := graph.Check(act, s.State(), role); !v.Allowed {
		return refusal(act, s, v)
	}
	return ""
}

// action is the action the key asks for on a solution in state st.
func (kind actionKind) action(st graph.State) graph.Action {
	if kind == actionDeactivate {
		return graph.ActionRequestDeactivation
	}
	return graph.AnswerFor(st, kind == actionAnswerAccept)
}

// refusal says why graph's verdict refuses the action on s.
func refusal(act graph.Action, s graph.Solution, v graph.Verdict) string {
	return fmt.Sprintf("Cannot %s %q: %s.", lowerFirst(act.Title()), text.Sanitize(s.Name), v.Reason)
}

// askState is an action key whose solution is being read before the dialog.
type askState struct {
	kind actionKind
	row  graph.Solution // the copy the key was pressed on
	seq  uint64
}

// askTab is the Origin tab of the read before a dialog.
const askTab TabID = -2

// asked takes the read before a dialog: the state and both sides come from
// it, not from the list row. An action it does not allow opens nothing.
func (a *App) asked(msg solutionReadMsg) tea.Cmd {
	ask := a.asking
	if ask == nil || msg.Seq != ask.seq {
		return nil
	}
	a.asking = nil
	name := text.Sanitize(ask.row.Name)
	if msg.Err != nil || msg.Solution == nil {
		a.setNotice("Nothing was sent. "+describeError(a.ctx, fmt.Sprintf("Reading %q before asking", name), msg.Err), true)
		return nil
	}
	fresh := *msg.Solution
	a.solutionChanged(fresh)
	st := fresh.State()
	act := ask.kind.action(st)
	role := graph.RoleOf(&fresh, a.ctx.AppID)
	if role == graph.RoleUnknown {
		role = graph.RoleOf(&ask.row, a.ctx.AppID)
	}
	if v := graph.Check(act, st, role); !v.Allowed {
		a.setNotice(refusal(act, fresh, v), true)
		return nil
	}
	a.setNotice("", false)
	a.dialog = newConfirmDialog(a.ctx, actionRequest{Action: act, Solution: fresh, Role: role})
	return nil
}

func (a *App) dialogClosed(msg dialogClosedMsg) tea.Cmd {
	a.dialog = nil
	if msg.Create != nil {
		return a.createAnswered(msg)
	}
	if msg.Setup != nil {
		return a.setupAnswered(msg)
	}
	if !msg.Confirmed {
		a.setNotice("Cancelled: nothing was sent.", false)
		return nil
	}
	id := msg.Request.Solution.ID
	if a.inFlight[id] {
		a.setNotice("An action for this solution is still being sent; nothing more was sent.", true)
		return nil
	}
	if a.inFlight == nil {
		a.inFlight = map[string]bool{}
	}
	a.inFlight[id] = true
	a.setNotice(fmt.Sprintf("Sending %s for %q…", lowerFirst(msg.Request.Action.Title()), text.Sanitize(msg.Request.Solution.Name)), false)
	return runAction(a.ctx.Ctx, a.ctx, msg.Request)
}

// actionDone reports the outcome and puts the solution as read again in
// place. An unknown outcome is reported with what the read found; it is
// never sent again.
func (a *App) actionDone(msg actionDoneMsg) tea.Cmd {
	delete(a.inFlight, msg.Request.Solution.ID)
	journal := a.journalChanged(msg.Request.Solution.ID)
	title := msg.Request.Action.Title()
	name := text.Sanitize(msg.Request.Solution.Name)
	if msg.NotSent != nil {
		a.setNotice(fmt.Sprintf("%s for %q: %s.", title, name, notSentText(msg.NotSent)), true)
		return journal
	}
	defer a.noteJournalErr(msg.JournalErr)
	out := msg.Outcome
	if out.After != nil {
		a.solutionChanged(*out.After)
	}
	found := ""
	if out.After != nil {
		found = "it is now " + text.Sanitize(out.After.StateLabel())
	}
	switch {
	case out.StateChanged():
		a.setNotice(fmt.Sprintf("%s for %q was refused: the solution changed elsewhere and %s (%s). Nothing was done. Graph said: %s",
			title, name, found, out.Now.Reason, text.Sanitize(errorDetail(out.Err))), true)
	case out.Err != nil && !out.Unknown:
		line := describeError(a.ctx, fmt.Sprintf("%s for %q", title, name), out.Err)
		if found != "" {
			line += "; read again, " + found
		}
		a.setNotice(line, true)
	case out.Unknown && out.After != nil:
		a.setNotice(fmt.Sprintf("%s for %q: the outcome was unknown (the connection failed after sending), so mps read the solution again: %s. Nothing was resent.", title, name, found), true)
	case out.Unknown:
		a.setNotice(fmt.Sprintf("%s for %q: the outcome is unknown and the solution could not be read again (%s). Nothing was resent; press r to check.", title, name, text.Sanitize(errorDetail(out.ReadErr))), true)
	case out.ReadErr != nil:
		a.setNotice(fmt.Sprintf("%s for %q was sent, but reading it again failed: %s", title, name, describeError(a.ctx, "reading", out.ReadErr)), true)
	default:
		a.setNotice(fmt.Sprintf("Done: %s for %q; %s.", lowerFirst(title), name, found), false)
	}
	return journal
}

// solutionChanged puts a fresh copy of a solution (an action's result, a
// read) in the shared data, once; every view shows it after this message.
func (a *App) solutionChanged(s graph.Solution) { a.putSolution(s, false) }

// putSolution is solutionChanged that, with add, lists a solution the
// list lacks.
func (a *App) putSolution(s graph.Solution, add bool) {
	a.ctx.Solutions.put(s, add)
	a.dialogSees(s)
}

// solutionsToViews puts a page of a load of the solution list in the
// shared data, once: in place of the list when first, else added to it.
func (a *App) solutionsToViews(items []graph.Solution, first bool) {
	a.ctx.Solutions.page(items, first)
	for _, s := range items {
		a.dialogSees(s)
	}
}

// dialogSees closes the dialog when a fresh copy of its solution is in
// another state than the one it asked about: its answer would be about a
// state that no longer holds, so y sends nothing.
func (a *App) dialogSees(s graph.Solution) {
	if a.dialog == nil || a.dialog.req.Solution.ID != s.ID || sameState(a.dialog.req.Solution, s) {
		return
	}
	was := a.dialog.req
	a.dialog = nil
	a.setNotice(fmt.Sprintf("%q changed while you were asked to %s: it is now %s. Nothing was sent; press the key again to act on the new state.",
		text.Sanitize(was.Solution.Name), lowerFirst(was.Action.Title()), text.Sanitize(s.StateLabel())), true)
}

// sameState says whether two copies of a solution are in the same state:
// status, pending request, and the permissions where both copies list them
// (a list row may carry only the default fields).
func sameState(was, now graph.Solution) bool {
	if was.Status != now.Status || was.PendingRequest != now.PendingRequest {
		return false
	}
	if was.OwnerPermissions != nil && now.OwnerPermissions != nil && !slices.Equal(was.OwnerPermissions, now.OwnerPermissions) {
		return false
	}
	if len(was.Partners) == 0 || len(now.Partners) == 0 {
		return true
	}
	return slices.EqualFunc(was.Partners, now.Partners, func(p, q graph.PartnerRow) bool {
		return p.Status == q.Status && slices.Equal(p.PartnerPermissions, q.PartnerPermissions)
	})
}

// openSolution opens the inspector on a solution, first moving to the
// Solutions tab when asked (a jump from another tab).
func (a *App) openSolution(s graph.Solution, jump bool) tea.Cmd {
	if jump || a.inspector == nil {
		a.goingOn() // one inspector in place of another is no step
	}
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
	return a.openInspector(s)
}

// openInspector opens the inspector on the latest copy of s, and reads it.
func (a *App) openInspector(s graph.Solution) tea.Cmd {
	if known, ok := a.ctx.Solutions.Solution(s.ID); ok {
		s = known
	}
	a.inspector = newInspector(a.ctx, s, 0)
	a.inspector.wabaName = a.customerName
	a.inspector.height = a.bodyHeight()
	return a.inspector.refresh(a.nextSeq())
}

func (a *App) setNotice(text string, bad bool) {
	a.notice, a.noticeBad, a.noticeAt = text, bad, a.ctx.Now()
	a.noticeGen++
}

// noticeHold is how long a notice the user caused (an action's result, an
// error) stays before background news such as a webhook may replace it.
const noticeHold = 8 * time.Second

// setNews shows background news unless a recent notice would be lost, or
// a dialog is open.
func (a *App) setNews(text string) {
	if a.dialog != nil {
		return // the dialog's own lines are all that shows under it
	}
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
	if s, found := a.ctx.Solutions.Solution(msg.ID); found {
		return s
	}
	return graph.Solution{ID: msg.ID}
}

// noteJournalErr adds to the action's notice that its outcome is not in
// the journal yet.
func (a *App) noteJournalErr(err error) {
	if err != nil {
		a.setNotice(a.notice+" The journal could not record the outcome ("+text.Sanitize(err.Error())+"); the next start of mps reads the solution and records it.", true)
	}
}

// actionBindings are the action keys of a view that shows a solution; they
// act on the solution that has focus, through the root's action path.
func actionBindings(c *Shared) []Binding {
	k := c.Keys
	bind := func(b key.Binding, kind actionKind) Binding {
		return Binding{
			Key:      b,
			Handler:  withCmd(func() tea.Cmd { return c.host.requestAction(kind) }),
			Disabled: func() string { return c.host.actionRefused(kind) },
		}
	}
	return []Binding{bind(k.Accept, actionAnswerAccept), bind(k.Reject, actionAnswerReject), bind(k.Deactivate, actionDeactivate)}
}

// runAction sends the confirmed action the one way (ui/act): journaled
// first, then graph.RunAction's one POST, the read after it, and the other
// documented body form only when Graph refused the first one's
// parameters. It never resends after an unknown outcome.
func runAction(ctx context.Context, c *Shared, req actionRequest) tea.Cmd {
	r := act.Request{Solution: req.Solution, Action: req.Action, Role: req.Role, Reason: req.Reason}
	return func() tea.Msg {
		out, err := c.actor.Run(ctx, r)
		return actionDoneMsg{Request: req, Outcome: out.ActionOutcome, NotSent: err, JournalErr: out.JournalErr}
	}
}

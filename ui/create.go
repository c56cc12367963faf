package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// openCreate opens the create form (n on Solutions).
func (a *App) openCreate() tea.Cmd {
	if reason := a.createRefused(); reason != "" {
		a.setNotice(reason, true)
		return nil
	}
	a.setNotice("", false)
	a.form = newCreateForm(a.ctx, a.reviewCreate, func() {
		a.form = nil
		a.setNotice("Cancelled: nothing was sent.", false)
	})
	return nil
}

// createRefused is why n does nothing now, or "".
func (a *App) createRefused() string {
	switch {
	case a.creating != nil:
		return fmt.Sprintf("Creating %q is still under way; wait for its result.", text.Sanitize(a.creating.New.Name))
	case a.ctx.AppID == "":
		return "No app ID is set: pass --app-id or set MPS_APP_ID; the new solution is our app's."
	case a.ctx.Journal == nil:
		return "No journal is configured: mps sends nothing it cannot record first."
	}
	return ""
}

// reviewCreate opens the confirm dialog over the form, which stays for a
// cancel to go back to.
func (a *App) reviewCreate(req createRequest) {
	a.dialog = newCreateDialog(a.ctx, req)
}

// createAnswered takes the dialog's answer about a create: cancel goes back
// to the form as it was, y sends the create once.
func (a *App) createAnswered(msg dialogClosedMsg) tea.Cmd {
	if !msg.Confirmed {
		a.setNotice("Nothing was sent; the form is as you left it.", false)
		return nil
	}
	a.form = nil
	if a.creating != nil {
		a.setNotice("A create is still being sent; nothing more was sent.", true)
		return nil
	}
	req := *msg.Create
	a.creating = &req
	a.setNotice(fmt.Sprintf("Creating %q (sent once)…", text.Sanitize(req.New.Name)), false)
	return createSolution(a.ctx.Ctx, a.ctx, req)
}

// createDone reports the outcome and puts the new solution in the shared
// data, with the cursor on it. After an unknown outcome it says what the
// list read after found; nothing is ever resent.
func (a *App) createDone(msg createDoneMsg) tea.Cmd {
	a.creating = nil
	cmds := []tea.Cmd{a.journalChanged("")}
	name := text.Sanitize(msg.Request.New.Name)
	if msg.NotSent != nil {
		a.setNotice(fmt.Sprintf("Creating %q: %s.", name, notSentText(msg.NotSent)), true)
		return tea.Batch(cmds...)
	}
	defer a.noteJournalErr(msg.Outcome.JournalErr)
	out := msg.Outcome
	if out.Solution != nil {
		a.solutionRead(*out.Solution)
	}
	if out.ID != "" {
		a.selectNew = out.ID
	}
	id := text.Sanitize(out.ID)
	partner := text.Sanitize(msg.Request.New.PartnerAppID)
	switch {
	case out.Err == nil && out.ReadErr == nil:
		a.setNotice(fmt.Sprintf("Created %q (%s); it awaits the partner.", name, id), false)
	case out.Err == nil:
		a.setNotice(fmt.Sprintf("Created %q (%s), but reading it back failed (%s); reloading the list.", name, id, text.Sanitize(errorDetail(out.ReadErr))), true)
		cmds = append(cmds, a.reloadSolutions())
	case out.Unknown && out.Solution != nil:
		a.setNotice(fmt.Sprintf("Creating %q: the answer was lost after sending, so mps listed the solutions: one with this name and partner app %s exists now (%s). Nothing was resent.", name, partner, id), true)
	case out.Unknown && out.ReadErr != nil:
		a.setNotice(fmt.Sprintf("Creating %q: the answer was lost after sending, and listing the solutions failed (%s): whether it exists is not known. Nothing was resent; press r and look before creating it again.", name, text.Sanitize(errorDetail(out.ReadErr))), true)
	case out.Unknown:
		a.setNotice(fmt.Sprintf("Creating %q: the answer was lost after sending; mps listed the solutions and none has this name and partner app %s, so it was not created. Nothing was resent.", name, partner), true)
	default:
		a.setNotice("Nothing was created. "+describeError(a.ctx, fmt.Sprintf("Creating %q", name), out.Err), true)
	}
	return tea.Batch(cmds...)
}

// selectCreated moves the cursor of every view that lists solutions to a
// created one, once the shared list holds it (a load under way may hold
// it back until it ends).
func (a *App) selectCreated() {
	id := a.selectNew
	if id == "" || !slices.ContainsFunc(a.ctx.Solutions.List(), func(s graph.Solution) bool { return s.ID == id }) {
		return
	}
	a.selectNew = ""
	for _, t := range a.tabs {
		if sel, ok := t.(solutionSelector); ok {
			sel.SelectSolution(id)
		}
	}
}

// createLines are the dialog's body for a create: exactly what is sent.
func (req createRequest) lines(c *Shared, width int, fit dialogFit) []string {
	n := req.New
	wrap := func(s string) []string { return strings.Split(c.Measure.Wrap(s, width), "\n") }
	const label = len("Messaging: ")
	field := func(name, value string) []string {
		lines := strings.Split(c.Measure.Wrap(value, max(width-label, 10)), "\n")
		for i := range lines {
			head := strings.Repeat(" ", label)
			if i == 0 {
				head = c.Measure.PadRight(name+":", label)
			}
			lines[i] = head + lines[i]
		}
		return lines
	}
	partner := text.Sanitize(n.PartnerAppID)
	switch {
	case req.PartnerErr != nil:
		partner += " (its name could not be read: " + text.Sanitize(errorDetail(req.PartnerErr)) + ")"
	case req.PartnerName != "":
		partner = text.Sanitize(req.PartnerName) + " (" + partner + ")"
	}
	owner, partnerPerms := n.Permissions()
	var out []string
	add := func(parts ...[]string) {
		for _, p := range parts {
			out = append(out, p...)
		}
	}
	if fit == fitSpaced {
		out = append(out, "")
	}
	add(field("Name", text.Sanitize(n.Name)),
		field("Owner", "our app ("+text.Sanitize(c.AppID)+") — us"),
		field("Partner", partner),
		field("Messaging", n.Messaging.String()+" — "+n.Messaging.Meaning()),
		field("Sent", "owner_permissions "+permissionList(owner)+"; partner_permissions "+permissionList(partnerPerms)+" (Graph adds the base permissions)"))
	if fit == fitSpaced {
		out = append(out, "")
	}
	add(wrap("The solution starts Pending and awaits the partner's answer. The POST is sent once: if its answer is lost, mps lists the solutions to see whether it was made, and never sends it again by itself."))
	return out
}

// formKey gives a key to the create form: its bindings, else the text
// field with focus, else the global keys.
func (a *App) formKey(k tea.KeyPressMsg) tea.Cmd {
	if b, ok := matching(a.form.Bindings(), k); ok {
		return a.run(b, k)
	}
	if a.form.typing() {
		a.form.typeKey(k)
		return nil
	}
	return a.runBinding(a.globalBindings(), k)
}

// journalChanged reads the journal again where it is shown, after an
// action the dashboard sent: History, and the inspector when it shows the
// solution (any, for a create, whose ID came after).
func (a *App) journalChanged(solutionID string) tea.Cmd {
	var cmds []tea.Cmd
	for _, t := range a.tabs {
		if h, ok := t.(*historyTab); ok {
			cmds = append(cmds, h.Refresh())
		}
	}
	if in := a.inspector; in != nil && (solutionID == "" || in.sol.ID == solutionID) {
		cmds = append(cmds, in.readActions(in.seq))
	}
	return tea.Batch(cmds...)
}

package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/act"
	"mps/ui/text"
)

// The fixes one key away on a Customers row: w subscribes our app to the
// WABA's webhooks, $ shares our credit line. Each reads the WABA fresh,
// asks in the dialog, is sent once through the journal and never retried,
// and is read back: the row shows what that read found.

// fixBindings are the fix keys of a Customers row.
func (t *customersTab) fixBindings() []Binding {
	k := t.ctx.Keys
	return []Binding{
		{Key: k.Subscribe, Handler: withCmd(func() tea.Cmd { return t.askFix(fixSubscribe) }), Disabled: func() string { return t.fixRefused(fixSubscribe) }},
		{Key: k.ShareCredit, Handler: withCmd(func() tea.Cmd { return t.askFix(fixCredit) }), Disabled: func() string { return t.fixRefused(fixCredit) }},
	}
}

// askFix starts the read before a fix's dialog.
func (t *customersTab) askFix(kind fixKind) tea.Cmd {
	r, ok := t.wabas.Selected()
	if !ok || t.fixing != "" {
		return nil
	}
	t.fixing = r.ID
	req := setupRequest{Kind: kind, WABAID: r.ID, WABAName: r.Cells[0], CurrencyAt: -1}
	return readBeforeFix(t.ctx.Ctx, t.ctx, req)
}

// fixRefused is why a fix key does nothing on the selected row now.
func (t *customersTab) fixRefused(kind fixKind) string {
	r, ok := t.wabas.Selected()
	switch {
	case t.solsOpen:
		return "Back to the customers first (esc)."
	case !ok:
		return "Select a customer first."
	case t.fixing != "":
		return "A fix is being asked or sent; wait for it."
	case t.ctx.Journal == nil:
		return "No journal is configured, so mps sends nothing."
	case t.checks.reported.has(r.ID):
		return "The API does not list this WABA, so nothing can be read or sent for it; `mps reconcile` lists the customers a webhook reported and the API does not."
	}
	mark := t.checks.mark(r.ID, kind)
	switch mark {
	case graph.MarkNo:
		return ""
	case graph.MarkYes:
		return "Already done for this WABA."
	case graph.MarkNotApplicable:
		return "Our app does not hold MESSAGING in its solution: its Solution Partner shares the credit line."
	case graph.MarkUnknown:
		return "The checklist's read of this row failed; press r to read it again."
	}
	return "Not checked yet: wait for the checklist's read of this row."
}

func (a *App) setupAsked(msg setupAskedMsg) tea.Cmd {
	c := a.customers()
	if c == nil {
		return nil
	}
	req := msg.Request
	switch {
	case msg.Err != nil:
		c.fixing = ""
		a.setNotice(fixRefusal(a.ctx, "Reading "+text.Sanitize(req.WABAID)+" before asking", msg.Err), true)
	case msg.Done:
		c.fixing = ""
		c.checks.fixed(c, req, a.ctx.Now())
		a.setNotice(fmt.Sprintf("%s: already done for WABA %s (read just now). Nothing was sent.", req.title(), text.Sanitize(req.WABAID)), false)
	case a.dialog != nil || a.form != nil:
		c.fixing = ""
	default:
		a.dialog = newSetupDialog(a.ctx, req)
	}
	return nil
}

func (a *App) setupAnswered(msg dialogClosedMsg) tea.Cmd {
	c := a.customers()
	req := *msg.Setup
	if !msg.Confirmed {
		if c != nil {
			c.fixing = ""
		}
		a.setNotice("Cancelled: nothing was sent.", false)
		return nil
	}
	a.setNotice(fmt.Sprintf("Sending: %s for WABA %s…", lowerFirst(req.title()), text.Sanitize(req.WABAID)), false)
	return sendFix(a.ctx.Ctx, a.ctx, req)
}

func (a *App) setupDone(msg setupDoneMsg) tea.Cmd {
	req := msg.Request
	what := fmt.Sprintf("%s for WABA %s", req.title(), text.Sanitize(req.WABAID))
	c := a.customers()
	if c != nil {
		c.fixing = ""
	}
	if msg.NotSent != nil {
		a.setNotice(what+": "+notSentText(msg.NotSent)+".", true)
		return nil
	}
	defer a.noteJournalErr(msg.JournalErr)
	journal := a.journalChanged(req.WABAID)
	switch {
	case graph.IsUnknownOutcome(msg.Err):
		a.setNotice(what+": the outcome is unknown (the connection failed after sending). Nothing was resent; press r to read the row again.", true)
	case msg.Err != nil:
		a.setNotice(fixRefusal(a.ctx, what, msg.Err), true)
	case msg.VerifyErr != nil:
		a.setNotice(what+" was sent, but the read after failed: "+describeError(a.ctx, "reading", msg.VerifyErr), true)
	case !msg.Verified:
		a.setNotice(what+" was sent, but the read after does not find it done yet; press r to read the row again.", true)
	default:
		if c != nil {
			c.checks.fixed(c, req, msg.At)
		}
		a.setNotice("Done: "+lowerFirst(what)+", verified by the read after.", false)
	}
	return journal
}

// fixRefusal says what a refusal means, plainly for a missing
// business_management.
func fixRefusal(c *Shared, what string, err error) string {
	if message, ok := act.LacksBusinessManagement(err); ok {
		return what + ": Graph refused: the token lacks the business_management permission (" + text.Sanitize(message) + "). " + act.BusinessManagementHint
	}
	return describeError(c, what, err)
}

// lazyReads starts the reads the active tab wants for what it shows now.
func (a *App) lazyReads() tea.Cmd {
	if t, ok := a.activeTab().(interface{ lazyReads() tea.Cmd }); ok {
		return t.lazyReads()
	}
	return nil
}

package ui

import (
	"errors"
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/webhook"
	"mps/store/eventlog"
	"mps/ui/text"
)

// newsSkew is how far the sender's clock may run behind ours: an event
// stamped up to this long before a load was asked may be missing from it.
const newsSkew = time.Minute

// newsMsg is what newly arrived events change in the rest of the app. Each
// change costs what it is: a partner_solutions event reads that one solution
// again (GET /{solution-id}); PARTNER_ADDED reads that one WABA
// (GET /{waba-id}) into the customers and PARTNER_REMOVED takes it out, with
// no request. Other events (PARTNER_APP_INSTALLED, say) change nothing the
// other tabs show.
type newsMsg struct {
	solutions []eventlog.Event // partner_solutions, the last one per solution
	customers []eventlog.Event // PARTNER_ADDED and PARTNER_REMOVED, the last one per WABA
	reason    string           // the notice
}

// appNews is a message the root applies itself: news, and what the reads
// it asked for found.
type appNews interface{ apply(a *App) tea.Cmd }

// newsOf is the news in newly read events. Events read before the log was
// caught up are history, not news; so is an event that happened before its
// tab's data was last asked for (asked), which that data already reflects,
// such as the demo's replayed past.
func newsOf(events []eventlog.Event, live bool, asked map[TabID]time.Time) []tea.Cmd {
	if !live {
		return nil
	}
	var n newsMsg
	for _, e := range events {
		switch {
		case e.Field == webhook.FieldPartnerSolutions && e.SolutionID != "" && happenedAfter(e, asked[TabSolutions]):
			n.solutions = lastPer(n.solutions, e, func(o eventlog.Event) bool { return o.SolutionID == e.SolutionID })
		case changesCustomers(e) && happenedAfter(e, asked[TabCustomers]):
			n.customers = lastPer(n.customers, e, func(o eventlog.Event) bool { return o.WABAID == e.WABAID })
		}
	}
	changes := len(n.solutions) + len(n.customers)
	if changes == 0 {
		return nil
	}
	var first string
	if len(n.solutions) > 0 {
		e := n.solutions[0]
		first = "Webhook: " + webhook.EventName(e.Field, e.Event) + " for solution " + e.SolutionID + " — reading that solution"
	} else {
		e := n.customers[0]
		first = "Webhook: " + webhook.EventName(e.Field, e.Event) + " for WABA " + e.WABAID + customerNews(e.Event)
	}
	n.reason = text.Sanitize(first)
	if changes > 1 {
		n.reason += fmt.Sprintf(" (and %d more)", changes-1)
	}
	return []tea.Cmd{func() tea.Msg { return n }}
}

// lastPer appends e to list in place of the earlier events same finds.
func lastPer(list []eventlog.Event, e eventlog.Event, same func(eventlog.Event) bool) []eventlog.Event {
	return append(slices.DeleteFunc(list, same), e)
}

// changesCustomers says whether an event adds or removes a customer.
func changesCustomers(e eventlog.Event) bool {
	return e.Field == webhook.FieldAccountUpdate && e.WABAID != "" &&
		(e.Event == webhook.EventPartnerAdded || e.Event == webhook.EventPartnerRemoved)
}

func customerNews(event string) string {
	if event == webhook.EventPartnerRemoved {
		return " — removed from the customers"
	}
	return " — updating the customers"
}

func (n newsMsg) apply(a *App) tea.Cmd {
	a.setNews(n.reason)
	cmds := []tea.Cmd{a.solutionNews(n.solutions, n.reason)}
	if c := a.customers(); c != nil {
		cmds = append(cmds, c.news(n.customers, n.reason))
	}
	return tea.Batch(cmds...)
}

// fullLoadCost is how many requests reloading a list of n items takes.
func fullLoadCost(n int) int { return n/graph.MaxPageSize + 1 }

// solutionNews reads the solutions again, one request each, or reloads the
// list when that costs less; reason is the news's notice.
func (a *App) solutionNews(events []eventlog.Event, reason string) tea.Cmd {
	if len(events) == 0 {
		return nil
	}
	if len(events) > fullLoadCost(len(a.ctx.Solutions.List())) {
		return a.reload(ReloadMsg{Tab: TabSolutions})
	}
	cmds := make([]tea.Cmd, len(events))
	for i, e := range events {
		cmds[i] = readNewsSolution(a.ctx.Ctx, a.ctx, e.SolutionID, "after its webhook", reason)
	}
	return tea.Batch(cmds...)
}

// solutionNewsMsg is a solution read again after news of it.
type solutionNewsMsg struct {
	id       string
	solution *graph.Solution
	err      error
	cause    string // why it was read: "after its webhook"
	after    string // the notice shown when the read was asked for
}

func (m solutionNewsMsg) apply(a *App) tea.Cmd {
	if m.err != nil {
		a.newsFailed(describeError(a.ctx, "Reading solution "+text.Sanitize(m.id)+" again "+m.cause, m.err), m.after)
		return nil
	}
	a.solutionRead(*m.solution)
	return nil
}

// solutionRead puts a solution read after its webhook in the shared data,
// in the list even when the list lacks it. While the list loads, the read
// waits for the load to end, so that the load neither drops it nor adds
// it twice.
func (a *App) solutionRead(s graph.Solution) {
	if a.ctx.Solutions.holdLate(s) {
		return
	}
	a.putSolution(s, true)
}

func (a *App) customers() *customersTab {
	for _, t := range a.tabs {
		if c, ok := t.(*customersTab); ok {
			return c
		}
	}
	return nil
}

// wabaNewsMsg is a WABA read after its PARTNER_ADDED webhook, for the
// customers load seq.
type wabaNewsMsg struct {
	seq   uint64
	id    string
	waba  *graph.WABA
	err   error
	after string // the notice shown when the read was asked for
}

func (m wabaNewsMsg) apply(a *App) tea.Cmd {
	c := a.customers()
	if c == nil || m.seq != c.seq {
		return nil // a reload asked after the read has it
	}
	if m.err != nil {
		a.newsFailed(wabaReadFailed(a.ctx, m.id, m.err), m.after)
		return nil
	}
	a.ctx.Customers.change(wabaChange{waba: m.waba})
	return nil
}

// wabaReadFailed says why a WABA a webhook announced is not in the list.
func wabaReadFailed(c *Shared, id string, err error) string {
	id = text.Sanitize(id)
	var ge *graph.Error
	if errors.As(err, &ge) && ge.Code == 100 && ge.Subcode == 33 {
		return "Webhook: PARTNER_ADDED for WABA " + id + ", but this token cannot read it yet (Graph: no such object or no access; the share may still be under way). The customer list is unchanged: press r on Customers later."
	}
	return describeError(c, "Reading WABA "+id+" after its PARTNER_ADDED webhook", err) + " The customer list is unchanged."
}

// newsFailed shows, as an error line, a failure that background news met:
// in place of that news's own notice (after), or else unless a recent
// notice would be lost.
func (a *App) newsFailed(text, after string) {
	if a.notice != after {
		a.setNews(text)
	}
	if a.notice == after || a.notice == text {
		a.setNotice(text, true)
	}
}

// requestAgesMsg has the Pending tab redraw its rows from the list it holds:
// the ages of requests, learnt from partner_solutions events, may have
// changed without the list doing so.
type requestAgesMsg struct{ Origin }

// agesOf redraws the Pending tab when events, news or history, may have
// changed the ages of requests.
func agesOf(events []eventlog.Event) tea.Cmd {
	for _, e := range events {
		if e.Field == webhook.FieldPartnerSolutions {
			return func() tea.Msg { return requestAgesMsg{Origin{Tab: TabPending}} }
		}
	}
	return nil
}

// happenedAfter says whether e may be missing from data asked for at
// asked; an event without a time of its own may be.
func happenedAfter(e eventlog.Event, asked time.Time) bool {
	return e.EntryTime.IsZero() || e.EntryTime.After(asked.Add(-newsSkew))
}

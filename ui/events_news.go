package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph/webhook"
	"mps/store/eventlog"
	"mps/ui/text"
)

// newsSkew is how far the sender's clock may run behind ours: an event
// stamped up to this long before a load was asked may be missing from it.
const newsSkew = time.Minute

// newsOf is what newly arrived events mean for the rest of the app: a
// partner_solutions event reloads the solution list (Solutions, Pending), an
// account_update event the customers, with a short notice. Events read
// before the log was caught up are history, not news; so is an event that
// happened before its tab's data was last asked for (asked), which that
// data already reflects, such as the demo's replayed past.
func newsOf(events []eventlog.Event, live bool, asked map[TabID]time.Time) []tea.Cmd {
	if !live {
		return nil
	}
	var solutions, customers string
	for _, e := range events {
		switch {
		case e.Field == webhook.FieldPartnerSolutions && solutions == "" && happenedAfter(e, asked[TabSolutions]):
			solutions = "Webhook: " + webhook.EventName(e.Field, e.Event) + " for solution " + e.SolutionID + " — reloading solutions"
		case e.Field == webhook.FieldAccountUpdate && customers == "" && happenedAfter(e, asked[TabCustomers]):
			customers = "Webhook: " + webhook.EventName(e.Field, e.Event) + " for WABA " + e.WABAID + " — reloading customers"
		}
	}
	var cmds []tea.Cmd
	if solutions != "" {
		cmds = append(cmds, func() tea.Msg { return ReloadMsg{Tab: TabSolutions, Reason: text.Sanitize(solutions)} })
	}
	if customers != "" {
		reason := text.Sanitize(customers)
		if solutions != "" {
			reason = "" // one notice is enough
		}
		cmds = append(cmds, func() tea.Msg { return ReloadMsg{Tab: TabCustomers, Reason: reason} })
	}
	return cmds
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

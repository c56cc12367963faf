package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
	"mps/graph/webhook"
	"mps/store/eventlog"
)

// news applies PARTNER_ADDED and PARTNER_REMOVED to the loaded list: a
// removal at once, with no request; an addition by reading that one WABA,
// when it belongs under the partner business filter. Reads that would cost
// more than the whole list reload it instead. reason is the news's notice.
func (t *customersTab) news(events []eventlog.Event, reason string) tea.Cmd {
	var reads []string
	for _, e := range events {
		if e.Event == webhook.EventPartnerRemoved {
			t.ctx.Customers.change(wabaChange{removed: e.WABAID})
			continue
		}
		switch t.belongs(e) {
		case belongsUnknown:
			return t.reloadCustomers()
		case belongsYes:
			reads = append(reads, e.WABAID)
		}
	}
	if len(reads) > fullLoadCost(t.ctx.Customers.Len()) {
		return t.reloadCustomers()
	}
	cmds := make([]tea.Cmd, len(reads))
	for i, id := range reads {
		cmds[i] = readNewsWABA(t.ctx.Ctx, t.ctx, t.seq, id, reason)
	}
	return tea.Batch(cmds...)
}

type belonging int

const (
	belongsNo belonging = iota
	belongsYes
	belongsUnknown
)

// belongs says whether the WABA of a PARTNER_ADDED goes in the list: with no
// partner business filter, always; else when the list has it already or the
// webhook names the filter's business among the solution's partners. A
// webhook that names none leaves it unknown.
func (t *customersTab) belongs(e eventlog.Event) belonging {
	filter := t.partnerFilter()
	if _, listed := t.ctx.Customers.WABA(e.WABAID); len(filter) == 0 || listed {
		return belongsYes
	}
	if len(e.BusinessIDs) == 0 {
		return belongsUnknown
	}
	for _, b := range filter {
		if !slices.Contains(e.BusinessIDs, b) {
			return belongsNo
		}
	}
	return belongsYes
}

package ui

import (
	"slices"
	"time"

	"mps/store/eventlog"
	"mps/ui/readmodel"
	"mps/ui/table"
)

// reportedOnly are the customers of the onboarding checklist that a
// PARTNER_ADDED reported (and no PARTNER_REMOVED since) but the API's
// list lacks: onboarded customers to follow all the same, shown after the
// listed ones with notListedName and Listed ✗. They are known only once
// both the event log and a whole load have answered, and only without a
// partner business filter, which the log's reports cannot be narrowed by.
type reportedOnly struct {
	seen  []eventlog.SeenWABA // the log's reports not removed since, newest first; nil before it answered
	gen   uint64              // moves when seen does
	at    map[string]time.Time
	shown []string // the rows the table has now, in order
	// want is the rows due, for the data version and gen in mark.
	want []string
	mark [2]uint64
}

// take keeps the log's answer.
func (r *reportedOnly) take(seen []eventlog.SeenWABA) {
	r.gen++
	r.seen, r.at = nil, make(map[string]time.Time, len(seen))
	for _, s := range seen {
		if s.Removed {
			continue
		}
		r.seen = append(r.seen, s)
		r.at[s.WABAID] = s.FirstSeen
	}
	slices.SortStableFunc(r.seen, func(a, b eventlog.SeenWABA) int { return b.FirstSeen.Compare(a.FirstSeen) })
}

// forget drops the log's answer, for a new refresh.
func (r *reportedOnly) forget() {
	r.gen++
	r.seen, r.at = nil, nil
}

// reportedAt is when the log first reported the WABA, if it did.
func (r *reportedOnly) reportedAt(id string) (time.Time, bool) {
	at, ok := r.at[id]
	return at, ok
}

// has says whether the row is one of the reported-only customers.
func (r *reportedOnly) has(id string) bool { return slices.Contains(r.shown, id) }

// due is the reported-only customers the table should have now, newest
// report first, and whether that differs from what it has.
func (t *customersTab) reportedDue() ([]string, bool) {
	r := &t.checks.reported
	mark := [2]uint64{t.data.Version(), r.gen}
	if mark != r.mark {
		r.mark, r.want = mark, nil
		if t.data.load.done && !t.data.load.loading && t.data.load.err == nil && len(t.partnerFilter()) == 0 {
			for _, s := range r.seen {
				if _, listed := t.data.WABA(s.WABAID); !listed {
					r.want = append(r.want, s.WABAID)
				}
			}
		}
	}
	return r.want, !slices.Equal(r.want, r.shown)
}

// reportedRow is a reported-only customer's row: its ID and checklist,
// and for what only the API could say (the name, timezone, namespace)
// the mark that it does not list the WABA.
func (t *customersTab) reportedRow(id string) table.Row {
	cells := []string{readmodel.NotListedName, id}
	if t.ctx.Checklist {
		cells = append(cells, t.checks.cells(id)...)
	}
	styles := make([]table.StyleID, len(cells)+2)
	styles[0] = styleWarn
	return table.Row{ID: id, Cells: append(cells, "—", "—"), Styles: styles}
}

func (t *customersTab) reportedRows(ids []string) []table.Row {
	rows := make([]table.Row, len(ids))
	for i, id := range ids {
		rows[i] = t.reportedRow(id)
	}
	return rows
}

// reportedCustomer is the checklist's view of a reported-only row.
func (t *customersTab) reportedCustomer(id string) readmodel.Customer {
	c := readmodel.Customer{SolutionID: t.checks.solutionOf[id]}
	c.WABA.ID = id
	c.FirstSeen, _ = t.checks.reported.reportedAt(id)
	return c
}

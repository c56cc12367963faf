package ui

import (
	"cmp"
	"context"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/readmodel"
	"mps/ui/table"
)

// customerChecks is the Customers tab's onboarding checklist: listed, our
// app subscribed, our credit line shared and verified. The reads count
// against Graph's limit of 200 calls an hour per WABA, so they are lazy and
// ordered: a few at a time, the rows on screen first, then the rest of
// the customers, newest first among each (see newerCustomer), each at most
// once per check per refresh (readmodel.ChecklistReads keeps each answer
// with its time), and only while the tab is shown; r starts a new
// refresh. A row not read yet shows …, "not checked yet".
type customerChecks struct {
	gen    uint64 // this refresh's; answers to an older one are dropped
	ctx    context.Context
	cancel context.CancelFunc
	reads  *readmodel.ChecklistReads // nil until this refresh's first read
	// solutionOf is the solution that onboarded each WABA, as the event
	// log says; nil until the log has answered.
	solutionOf map[string]string
	rows       map[string]checkedRow
	asked      map[string]bool // rows whose read has gone, this refresh
	reading    bool            // a batch is in flight: the next waits for it
	reported   reportedOnly    // the customers the log reported and the API does not list
	// logReading says the log's reports are being read; reportsAt is how
	// many reports the Events tab had noted when they were last asked for.
	logReading bool
	reportsAt  uint64
	// queue is every customer, newest first, for the data version and
	// reported-only generation in queued; next is where its reads are.
	queue  []string
	queued [2]uint64
	next   int
}

// checklistBatch is how many rows one read takes: they fill in a few at a
// time, top first, and no more than that many go at once.
const checklistBatch = 4

// checkedRow is one customer's checklist and when it was read.
type checkedRow struct {
	list graph.Checklist
	at   time.Time
}

// checklistColumns are the checklist's columns, after the WABA's ID.
func checklistColumns() []table.Column {
	return []table.Column{
		{Title: "Listed", Width: 6},
		{Title: "Subscribed", Width: 10},
		{Title: "Credit", Width: 6},
	}
}

// restart begins a refresh: the answers of the last one go, and the
// event log is asked which solution onboarded each WABA.
func (k *customerChecks) restart(c *Shared) tea.Cmd {
	k.ctx = restart(c.Ctx, &k.cancel)
	k.gen++
	k.reads, k.solutionOf = nil, nil
	k.rows, k.asked, k.reading = map[string]checkedRow{}, map[string]bool{}, false
	k.reported.forget()
	return k.readLog(c)
}

// readLog asks the event log which solution onboarded each WABA.
func (k *customerChecks) readLog(c *Shared) tea.Cmd {
	k.logReading = true
	if c.since != nil {
		k.reportsAt = c.since.Reports()
	}
	return readCustomerSolutions(k.ctx, c, Origin{Tab: TabCustomers, Seq: k.gen})
}

// rereadLog reads the log's reports again when the Events tab has noted
// new ones since (the demo's history arriving, a webhook), within the
// same refresh.
func (k *customerChecks) rereadLog(c *Shared) tea.Cmd {
	if k.logReading || k.solutionOf == nil || c.since == nil || c.since.Reports() == k.reportsAt {
		return nil
	}
	return k.readLog(c)
}

// takeSolutions takes the log's answer. Read again, it changes only what
// it changed: a customer whose solution it names differently now is
// checked again (whether the credit item applies may differ), from the
// same refresh's cache of reads.
func (k *customerChecks) takeSolutions(msg customerSolutionsMsg) {
	if msg.Seq != k.gen {
		return
	}
	k.logReading = false
	// A log that cannot be read leaves every solution unknown, which
	// counts as the credit item applying: a missing share is not hidden.
	if k.solutionOf != nil {
		for id := range k.asked {
			if k.solutionOf[id] != msg.SolutionOf[id] {
				delete(k.asked, id)
			}
		}
	}
	k.solutionOf = msg.SolutionOf
	k.reported.take(msg.Seen)
}

// cells are a row's checklist cells.
func (k *customerChecks) cells(id string) []string {
	r, ok := k.rows[id]
	if !ok {
		return []string{graph.MarkUnchecked.Symbol(), graph.MarkUnchecked.Symbol(), graph.MarkUnchecked.Symbol()}
	}
	return []string{r.list.Listed.Symbol(), r.list.Subscribed.Symbol(), r.list.Credit.Symbol()}
}

// mark is the row's item for a fix.
func (k *customerChecks) mark(id string, kind fixKind) graph.Mark {
	r, ok := k.rows[id]
	switch {
	case !ok:
		return graph.MarkUnchecked
	case kind == fixCredit:
		return r.list.Credit
	}
	return r.list.Subscribed
}

// lazyReads reads the checklists of the next few customers not read yet
// in this refresh, once the solutions and the log's answer are in.
func (t *customersTab) lazyReads() tea.Cmd {
	k := &t.checks
	if !t.ctx.Checklist {
		return nil
	}
	reread := k.rereadLog(t.ctx)
	if t.solsOpen || k.reading || k.solutionOf == nil || t.ctx.Solutions.Loading() {
		return reread
	}
	want := t.nextToCheck(checklistBatch)
	if len(want) == 0 {
		return reread
	}
	if k.reads == nil {
		sols := map[string]*graph.Solution{}
		for _, s := range t.ctx.Solutions.List() {
			sols[s.ID] = &s
		}
		k.reads = newChecklistReads(t.ctx, sols)
	}
	k.reading = true
	return tea.Batch(reread, readChecklists(k.ctx, k.reads, Origin{Tab: TabCustomers, Seq: k.gen}, want))
}

// nextToCheck takes up to n customers to read now, and marks them asked:
// the rows on screen first, newest first, then, once the whole list is
// loaded, the rest of the customers in the same order.
func (t *customersTab) nextToCheck(n int) []readmodel.Customer {
	k := &t.checks
	var ids []string
	for _, id := range t.wabas.WindowIDs() {
		if !k.asked[id] && t.isCustomer(id) {
			ids = append(ids, id)
		}
	}
	slices.SortStableFunc(ids, t.newerCustomer)
	ids = ids[:min(len(ids), n)]
	if len(ids) < n && t.data.load.done && !t.data.load.loading {
		t.queueCustomers()
		for ; k.next < len(k.queue) && len(ids) < n; k.next++ {
			if id := k.queue[k.next]; !k.asked[id] && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	out := make([]readmodel.Customer, 0, len(ids))
	for _, id := range ids {
		k.asked[id] = true
		if w, ok := t.data.WABA(id); ok {
			out = append(out, readmodel.Customer{WABA: w, SolutionID: k.solutionOf[id], Listed: true})
		} else {
			out = append(out, t.reportedCustomer(id))
		}
	}
	return out
}

// isCustomer says whether a row is a customer the checklist covers.
func (t *customersTab) isCustomer(id string) bool {
	_, listed := t.data.WABA(id)
	return listed || t.checks.reported.has(id)
}

// queueCustomers orders every customer newest first, again when the list
// or the log's answer changed since.
func (t *customersTab) queueCustomers() {
	k := &t.checks
	mark := [2]uint64{t.data.Version(), k.reported.gen}
	if mark == k.queued {
		return
	}
	k.queued, k.next = mark, 0
	k.queue = k.queue[:0]
	for _, w := range t.data.List() {
		k.queue = append(k.queue, w.ID)
	}
	k.queue = append(k.queue, k.reported.shown...)
	slices.SortStableFunc(k.queue, t.newerCustomer)
}

// newerCustomer orders customers newest first: by the time the log first
// reported each, when it did, before those it never reported, which keep
// the API's order.
func (t *customersTab) newerCustomer(a, b string) int {
	ta, okA := t.checks.reported.reportedAt(a)
	tb, okB := t.checks.reported.reportedAt(b)
	switch {
	case okA && okB:
		return tb.Compare(ta)
	case okA:
		return -1
	case okB:
		return 1
	}
	return cmp.Compare(t.listIndex(a), t.listIndex(b))
}

// listIndex is the WABA's place in the API's list; past its end for one
// the list lacks.
func (t *customersTab) listIndex(id string) int {
	if i, ok := t.data.index[id]; ok {
		return i
	}
	return len(t.data.list)
}

func (k *customerChecks) take(t *customersTab, msg checklistMsg) {
	if msg.Seq != k.gen {
		return
	}
	k.reading = false
	for i, id := range msg.IDs {
		k.rows[id] = checkedRow{list: msg.Lists[i], at: msg.At[i]}
		t.redrawRow(id)
	}
}

// fixed marks the fix's item ✓ after the read that verified it.
func (k *customerChecks) fixed(t *customersTab, req setupRequest, at time.Time) {
	r, ok := k.rows[req.WABAID]
	if !ok {
		r.list = graph.Checklist{Listed: graph.MarkYes, Subscribed: graph.MarkUnchecked, Credit: graph.MarkUnchecked}
	}
	if req.Kind == fixCredit {
		r.list.Credit = graph.MarkYes
	} else {
		r.list.Subscribed = graph.MarkYes
	}
	r.at = at
	k.rows[req.WABAID] = r
	t.redrawRow(req.WABAID)
}

// legend explains the checklist's marks and fixes in the tab's header.
func (k *customerChecks) legend(c *Shared) string {
	if !c.Checklist {
		return ""
	}
	return " · " + c.Keys.Subscribe.Help().Key + " subscribes, " + c.Keys.ShareCredit.Help().Key + " shares credit · … not checked yet, — n/a, ? read failed"
}

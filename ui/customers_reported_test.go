package ui

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/ui/readmodel"
)

// historyHarness is the checklist's harness over an event log that holds
// the sandbox's replayed history, as the demo's does, with the history's
// first report of each WABA.
type historyHarness struct {
	*harness
	reported map[string]time.Time // WABA ID -> its PARTNER_ADDED's time
}

func newChecklistHistoryHarness(t *testing.T, opts sandbox.Options) historyHarness {
	t.Helper()
	return newChecklistLogHarness(t, opts, true)
}

// newChecklistLogHarness is newChecklistHistoryHarness with the history
// replayed before the app starts, or (replayFirst false) left to the test.
func newChecklistLogHarness(t *testing.T, opts sandbox.Options, replayFirst bool) historyHarness {
	t.Helper()
	out := historyHarness{reported: map[string]time.Time{}}
	var mu sync.Mutex
	out.harness = newHarnessConfig(t, 120, 40, opts, func(sb *sandbox.Sandbox, c *Config) {
		storeSandboxWebhooks(t, sb, c, func(ch webhook.Change) time.Time {
			if ch.Event == webhook.EventPartnerAdded {
				mu.Lock()
				out.reported[ch.WABAID] = ch.EntryTime
				mu.Unlock()
			}
			return ch.EntryTime
		})
		if replayFirst {
			sb.ReplayHistory()
		}
		c.Checklist = true
	})
	out.press("4")
	return out
}

// reportedOnly is the replayed history's customers that the API does not list.
func (h historyHarness) reportedOnly() []string {
	listed := map[string]bool{}
	for _, w := range h.sb.WABAs() {
		listed[w.ID] = true
	}
	var out []string
	for id := range h.reported {
		if !listed[id] {
			out = append(out, id)
		}
	}
	return out
}

// The seed's customer that a PARTNER_ADDED reported and the API does not
// list has a row of its own after the listed ones: marked as not listed,
// Listed ✗, nothing read for it, no fix offered; gone under a partner
// business filter, back without one, and once only after r.
func TestCustomersShowTheReportedOnlyCustomer(t *testing.T) {
	h := newChecklistHistoryHarness(t, sandbox.Options{WABAs: 50, Now: fixedNow})
	only := h.reportedOnly()
	if len(only) != 1 {
		t.Fatalf("the history reports %d customers the API does not list, want 1", len(only))
	}
	id := only[0]
	c := h.customersTab()
	if c.wabas.Len() != 51 {
		t.Fatalf("%d rows, want the 50 listed and the reported-only one", c.wabas.Len())
	}
	h.wantScreen("50 WABAs, and 1 a webhook reported that the API does not list")
	h.press("G")
	row := lineWith(h.screen(), id)
	if !strings.Contains(row, readmodel.NotListedName) || !strings.Contains(row, "✗") || strings.Contains(row, "✓") {
		t.Fatalf("the reported-only row %q, want %s and Listed ✗", row, readmodel.NotListedName)
	}
	if got := h.countRequests("GET", "/"+id+"/subscribed_apps", ""); len(got) != 0 {
		t.Fatalf("the checklist read a WABA the API does not list: %v", got)
	}
	if r, ok := c.wabas.Selected(); !ok || r.ID != id {
		t.Fatalf("G selected %+v, want the last row %s", r, id)
	}
	h.press("w")
	h.press("$")
	h.wantPosts(0)
	if !strings.Contains(h.app.notice, "The API does not list this WABA") {
		t.Fatalf("notice %q, want why nothing can be fixed", h.app.notice)
	}

	// enter lists the solution the webhook named, with no read of a WABA
	// Graph would refuse.
	h.press("enter")
	if !c.solsOpen || !slices.Equal(c.solsIDs, []string{c.checks.solutionOf[id]}) || c.solsIDs[0] == "" {
		t.Fatalf("enter on the reported-only row lists %v, want the reported solution %q", c.solsIDs, c.checks.solutionOf[id])
	}
	for _, r := range h.sb.Requests() {
		if strings.Contains(r.Path, id) {
			t.Fatalf("a read of the unlisted WABA: %s %s", r.Method, r.Path)
		}
	}
	h.press("esc")
	h.press("p")
	if c.wabas.Len() == 0 || c.checks.reported.has(id) {
		t.Fatalf("under a partner business filter %d rows, reported-only shown %v", c.wabas.Len(), c.checks.reported.has(id))
	}
	h.wantScreenLacks(readmodel.NotListedName, "a reported-only customer under a partner business filter, which the log cannot narrow")
	for range sandbox.DemoPartnerBusinessIDs() {
		h.press("p")
	}
	h.press("r")
	n := 0
	for _, rid := range allRowIDs(c) {
		if rid == id {
			n++
		}
	}
	if n != 1 || c.wabas.Len() != 51 {
		t.Fatalf("after the filter and r: %d rows, the reported-only one %d times", c.wabas.Len(), n)
	}
}

// allRowIDs are the IDs of every row of the customers' table, in order.
func allRowIDs(c *customersTab) []string {
	var out []string
	for i := range c.wabas.Len() {
		c.wabas.Top()
		c.wabas.MoveBy(i)
		if r, ok := c.wabas.Selected(); ok {
			out = append(out, r.ID)
		}
	}
	return out
}

// The checklist reads the rows on screen first, then the rest, and among
// each the newest customers first: by the log's report time, then the
// API's order for those it never reported; a few at a time, as the
// sandbox's request log shows.
func TestChecklistReadsTheNewestCustomersFirst(t *testing.T) {
	h := newChecklistHistoryHarness(t, sandbox.Options{WABAs: 50, Now: fixedNow})
	c := h.customersTab()
	screen := c.wabas.WindowIDs()
	index := map[string]int{}
	var all []string
	for i, w := range h.sb.WABAs() {
		index[w.ID] = i
		all = append(all, w.ID)
	}
	listed := len(all)
	all = append(all, h.reportedOnly()...) // a customer too, with no read
	// The expected order as a key: the reported ones by how long ago they
	// were reported, then the others by their place in the API's list.
	key := func(id string) (group int, rank int64) {
		if at, ok := h.reported[id]; ok {
			return 0, int64(fixedNow().Sub(at))
		}
		return 1, int64(index[id])
	}
	newer := func(a, b string) int {
		ga, ra := key(a)
		gb, rb := key(b)
		return cmp.Or(cmp.Compare(ga, gb), cmp.Compare(ra, rb))
	}
	onScreen := slices.SortedStableFunc(slices.Values(screen), newer)
	rest := slices.DeleteFunc(slices.Clone(all), func(id string) bool { return slices.Contains(screen, id) })
	slices.SortStableFunc(rest, newer)
	reportedOnScreen := 0
	for _, id := range screen {
		if _, ok := h.reported[id]; ok {
			reportedOnScreen++
		}
	}
	if reportedOnScreen == 0 || reportedOnScreen == len(screen) || len(rest) == 0 {
		t.Fatalf("%d of the %d rows on screen were reported, %d rows off it: the test needs both kinds on screen", reportedOnScreen, len(screen), len(rest))
	}
	order := h.subscribedReads()
	if len(order) != listed {
		t.Fatalf("%d subscribed_apps reads, want one for each of the %d listed customers", len(order), listed)
	}
	wantReadOrder(t, order, append(onScreen, rest...))
}

// Reports that reach the log after the tab read it (the demo replays its
// history as the dashboard opens) are read again within the refresh: the
// reported-only customer appears, and a customer whose solution the log
// now names is checked again from the refresh's cache, so the credit item
// turns — where our app does not hold MESSAGING, with no read twice.
func TestChecklistReadsTheLogAgainWhenReportsArrive(t *testing.T) {
	h := newChecklistLogHarness(t, sandbox.Options{WABAs: 50, Now: fixedNow}, false)
	c := h.customersTab()
	if c.wabas.Len() != 50 || len(h.subscribedReads()) != 50 {
		t.Fatalf("before the reports: %d rows, %d read", c.wabas.Len(), len(h.subscribedReads()))
	}
	for _, w := range h.sb.WABAs() {
		if c.checks.mark(w.ID, fixCredit) == graph.MarkNotApplicable {
			t.Fatalf("with no report, %s's credit item is — already", w.ID)
		}
	}
	h.sb.ReplayHistory()
	h.tick()
	only := h.reportedOnly()
	if len(only) != 1 || c.wabas.Len() != 51 || !c.checks.reported.has(only[0]) {
		t.Fatalf("after the reports: %d rows, reported-only %v", c.wabas.Len(), only)
	}
	h.wantScreen("50 WABAs, and 1 a webhook reported that the API does not list")
	turned := 0
	for id := range h.reported {
		if c.checks.mark(id, fixCredit) == graph.MarkNotApplicable {
			turned++
		}
	}
	if turned == 0 {
		t.Error("no reported customer's credit item turned — once the log named its solution")
	}
	for path, n := range h.countRequests("GET", "/subscribed_apps", "") {
		if n != 1 {
			t.Errorf("%s read %d times in one refresh", path, n)
		}
	}
	for path, n := range h.countRequests("GET", "", "primary_funding_id") {
		if n != 1 {
			t.Errorf("%s's funding read %d times in one refresh", path, n)
		}
	}
}

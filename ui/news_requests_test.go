package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/eventlog"
)

// The webhooks in these tests reach the app as in `mps --demo`: the
// sandbox signs them, a loopback receiver checks and stores them, and the
// Events tab's poll reads them; or they are the guide's payloads, appended
// to the log the tab reads. Each test counts the Graph requests the
// sandbox logged.

// newsHarness is the demo wiring with the app's clock, so that webhooks
// postdate the loads and are news.
func newsHarness(t *testing.T, opts sandbox.Options) *harness {
	opts.Now = fixedNow
	return newDemoEventsHarnessWith(t, opts)
}

func (h *harness) customersTab() *customersTab {
	h.t.Helper()
	c := h.app.customers()
	if c == nil {
		h.t.Fatal("no Customers tab")
	}
	return c
}

// wantCustomers checks the Customers tab's count and that each WABA is
// listed once, under the name Graph gives it.
func (h *harness) wantCustomers(n int, listed ...graph.WABA) {
	h.t.Helper()
	c := h.customersTab()
	if c.loaded() != n || c.wabas.Len() != n || !strings.HasPrefix(c.Title(), "Customers ("+strconv.Itoa(n)+")") {
		h.t.Fatalf("Customers: %d counted, %d rows, title %q; want %d", c.loaded(), c.wabas.Len(), c.Title(), n)
	}
	for _, w := range listed {
		if name, ok := c.wabas.CellByID(w.ID, 0); !ok || name != w.Name {
			h.t.Fatalf("WABA %s is listed as %q (%v), want %q", w.ID, name, ok, w.Name)
		}
	}
}

// Each PARTNER_ADDED reads its one WABA into a list of 1,207, instead of
// the 13 pages of the whole list; two in one poll read two.
func TestPartnerAddedReadsOnlyThatWABA(t *testing.T) {
	h := newsHarness(t, sandbox.Options{WABAs: 1207})
	h.wantCustomers(1207)
	sol := activeSolutions(h.sb)[0]
	var added []graph.WABA
	onboard := func() graph.WABA {
		w, err := h.sb.OnboardCustomer(sol.ID)
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, w)
		return w
	}

	for i := range 2 {
		before := mark(h.sb)
		w := onboard()
		h.tick()
		wantReads(t, requestsSince(h.sb, before), graph.WABAFields, w.ID)
		if i == 0 { // later news waits for the notice's time to pass
			h.wantScreen("Webhook: account_update/PARTNER_ADDED for WABA " + w.ID + " — updating the customers")
		}
	}
	h.wantCustomers(1209, added...)

	before := mark(h.sb)
	a, b := onboard(), onboard()
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.WABAFields, a.ID, b.ID)
	h.wantCustomers(1211, added...)
}

// A PARTNER_ADDED for a WABA the list has already puts Graph's copy in
// place of the row: one read, no second row.
func TestPartnerAddedForAListedWABAUpdatesItInPlace(t *testing.T) {
	h, l := logHarness(t, sandbox.Options{WABAs: 5})
	guide := stamped(guideEvents(t, fixedNow(), "guide_account_update_partner_added.json"), fixedNow())
	first := h.sb.WABAs()[0]
	if first.ID != guide[0].WABAID {
		t.Fatalf("the sandbox's first WABA is %s, the guide's %s", first.ID, guide[0].WABAID)
	}
	c := h.customersTab()
	stale := first
	stale.Name = "Stale name"
	c.wabas.ReplaceRow(c.wabaRow(stale)) // as a load from before a rename would show it

	before := mark(h.sb)
	if _, err := l.Append(t.Context(), guide); err != nil {
		t.Fatal(err)
	}
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.WABAFields, first.ID)
	h.wantCustomers(5, first)
}

// Under a partner business filter, a PARTNER_ADDED whose solution has that
// business among its partners is read into the list; one whose solution
// does not is passed by with no request.
func TestPartnerAddedUnderAPartnerFilter(t *testing.T) {
	h := newsHarness(t, sandbox.Options{WABAs: 40})
	h.press("4", "p")
	c := h.customersTab()
	filter := c.partnerFilter()
	if len(filter) != 1 {
		t.Fatalf("p chose %v, want one partner business", filter)
	}
	var kept, passed int
	for _, sol := range activeSolutions(h.sb) {
		n := c.loaded()
		before := mark(h.sb)
		w, err := h.sb.OnboardCustomer(sol.ID)
		if err != nil {
			t.Fatal(err)
		}
		h.tick()
		if slices.ContainsFunc(h.sb.WABAs(filter...), func(o graph.WABA) bool { return o.ID == w.ID }) {
			kept++
			wantReads(t, requestsSince(h.sb, before), graph.WABAFields, w.ID)
			h.wantCustomers(n+1, w)
			continue
		}
		passed++
		wantReads(t, requestsSince(h.sb, before), "")
		if _, listed := h.customersTab().wabas.CellByID(w.ID, 0); listed {
			t.Fatalf("WABA %s, not shared with %s, was added to the filtered list", w.ID, filter[0])
		}
		h.wantCustomers(n)
	}
	if kept == 0 || passed == 0 {
		t.Fatalf("the demo's active solutions gave %d customers under the filter and %d outside it; want some of each", kept, passed)
	}
}

// A PARTNER_ADDED that names no partner businesses (waba_info as
// Embedded Signup outside a solution sends it) is still one read into the
// whole list; under a filter it cannot say whether the WABA belongs, so the
// filtered list is read again.
func TestPartnerAddedWithoutPartners(t *testing.T) {
	h := newsHarness(t, sandbox.Options{WABAs: 40, BareWABAInfo: true})
	h.press("4")
	sol := activeSolutions(h.sb)[0]
	before := mark(h.sb)
	w, err := h.sb.OnboardCustomer(sol.ID)
	if err != nil {
		t.Fatal(err)
	}
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.WABAFields, w.ID)
	h.wantCustomers(41, w)

	h.press("p")
	before = mark(h.sb)
	if _, err := h.sb.OnboardCustomer(sol.ID); err != nil {
		t.Fatal(err)
	}
	h.tick()
	reqs := requestsSince(h.sb, before)
	if len(reqs) != 1 || !strings.HasSuffix(reqs[0].Path, "/client_whatsapp_business_accounts") || !strings.Contains(reqs[0].RawQuery, "filtering=") {
		t.Fatalf("requests %+v, want one read of the filtered list", reqs)
	}
	h.wantCustomers(len(h.sb.WABAs(h.customersTab().partnerFilter()...)))
}

// A PARTNER_REMOVED takes the WABA out of the list with no request, and
// the list then agrees with Graph's.
func TestPartnerRemovedTakesTheWABAOutWithNoRequest(t *testing.T) {
	h := newsHarness(t, sandbox.Options{WABAs: 150})
	gone := h.sb.WABAs()[120]
	before := mark(h.sb)
	if err := h.sb.RemoveCustomer(gone.ID); err != nil {
		t.Fatal(err)
	}
	h.tick()
	wantReads(t, requestsSince(h.sb, before), "")
	h.wantCustomers(149)
	if _, listed := h.customersTab().wabas.CellByID(gone.ID, 0); listed {
		t.Fatalf("WABA %s is still listed", gone.ID)
	}
	h.wantScreen("Webhook: account_update/PARTNER_REMOVED for WABA " + gone.ID + " — removed from the customers")
	h.press("4", "r")
	h.wantCustomers(149)
}

// A partner_solutions event reads its one solution again and puts it in
// place in the shared list; a solution the list lacks is added. The list
// itself is not read.
func TestPartnerSolutionsReadsThatSolution(t *testing.T) {
	h := newsHarness(t, sandbox.Options{WABAs: -1})
	sol := activeSolutions(h.sb)[0]
	before := mark(h.sb)
	h.sb.SetSolutionStatus(sol.ID, graph.StatusPendingDeactivation, graph.PendingDeactivation)
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.SolutionFields, sol.ID)
	want, _ := h.sb.Solution(sol.ID)
	if got, ok := findSolution(h.app.ctx.Solutions.List(), sol.ID); !ok || got.State() != want.State() {
		t.Fatalf("solution %s is %+v in the list, want state %v", sol.ID, got, want.State())
	}

	n := len(h.app.ctx.Solutions.List())
	before = mark(h.sb)
	id := h.sb.CreateIncomingRequest("Announced by webhook")
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.SolutionFields, id)
	list := h.app.ctx.Solutions.List()
	if len(list) != n+1 || !slices.ContainsFunc(list, func(s graph.Solution) bool { return s.ID == id && s.Name == "Announced by webhook" }) {
		t.Fatalf("the list has %d solutions (want %d), the new one among them: %v", len(list), n+1, slices.ContainsFunc(list, func(s graph.Solution) bool { return s.ID == id }))
	}
	h.press("2")
	h.wantScreen("Announced by webhook")
}

// A WABA the token cannot read yet (Graph's 100/33) is said so in an error
// line, and the list stays as it was.
func TestPartnerAddedThatCannotBeReadChangesNothing(t *testing.T) {
	h, l := logHarness(t, sandbox.Options{WABAs: 5})
	e := stamped(guideEvents(t, fixedNow(), "guide_account_update_partner_added.json"), fixedNow())
	e[0].WABAID = "777000777000777"
	before := mark(h.sb)
	if _, err := l.Append(t.Context(), e); err != nil {
		t.Fatal(err)
	}
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.WABAFields, "777000777000777")
	h.wantCustomers(5)
	h.wantScreen("Webhook: PARTNER_ADDED for WABA 777000777000777, but this token cannot read it yet")
	if !h.app.noticeBad {
		t.Error("the failure is not shown as an error")
	}
}

// More new customers in one poll than the list has pages: reading the list
// costs less than reading each.
func TestManyPartnerAddedAtOnceReadTheListInstead(t *testing.T) {
	h, l := logHarness(t, sandbox.Options{WABAs: 5})
	var events []eventlog.Event
	for _, w := range h.sb.WABAs()[:2] {
		e := stamped(guideEvents(t, fixedNow(), "guide_account_update_partner_added.json"), fixedNow())
		e[0].Key, e[0].WABAID = "k"+w.ID, w.ID
		events = append(events, e...)
	}
	before := mark(h.sb)
	if _, err := l.Append(t.Context(), events); err != nil {
		t.Fatal(err)
	}
	h.tick()
	reqs := requestsSince(h.sb, before)
	if len(reqs) != 1 || !strings.HasSuffix(reqs[0].Path, "/client_whatsapp_business_accounts") {
		t.Fatalf("requests %+v, want one read of the list (5 WABAs, one page)", reqs)
	}
	h.wantCustomers(5)
}

// p onto the filter already shown (the profile has no partner businesses)
// reads nothing; onto another filter, it reads the list.
func TestChoosingTheSameFilterReloadsNothing(t *testing.T) {
	h := newHarnessConfig(t, 120, 40, sandbox.Options{WABAs: 1207}, func(_ *sandbox.Sandbox, c *Config) {
		c.PartnerBusinessIDs = nil
	})
	h.press("4")
	before := mark(h.sb)
	h.press("p", "p")
	wantReads(t, requestsSince(h.sb, before), "")
	h.wantCustomers(1207)

	other := newHarnessWith(t, 120, 40, sandbox.Options{WABAs: 5})
	other.press("4")
	before = mark(other.sb)
	other.press("p")
	if reqs := requestsSince(other.sb, before); len(reqs) != 1 || !strings.Contains(reqs[0].RawQuery, "filtering=") {
		t.Fatalf("p onto another filter: requests %+v, want one read of the filtered list", reqs)
	}
}

// A WABA read after its webhook while the list is loading is applied when
// the load ends: the page that brings it too does not list it twice.
func TestCustomerNewsDuringALoadWaitsForItsEnd(t *testing.T) {
	h := newHarnessWith(t, 120, 40, sandbox.Options{WABAs: 150})
	w, err := h.sb.OnboardCustomer(activeSolutions(h.sb)[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	c := h.customersTab()
	first := c.Refresh()() // the first page of 100; the new WABA is on the second
	_, next := h.app.Update(first)
	read, err := h.app.ctx.Client.ClientWABA(t.Context(), w.ID)
	if err != nil {
		t.Fatal(err)
	}
	h.send(wabaNewsMsg{seq: c.seq, id: w.ID, waba: read})
	h.run(next)
	h.wantCustomers(151, w)
}

// Likewise for a solution read while the solution list loads.
func TestSolutionNewsDuringALoadWaitsForItsEnd(t *testing.T) {
	h := newHarnessWith(t, 120, 40, sandbox.Options{WABAs: -1, Solutions: 150})
	id := h.sb.CreateIncomingRequest("Created during a load")
	first := h.app.reloadSolutions()() // the new solution comes last, on the second page
	_, next := h.app.Update(first)
	read, err := h.app.ctx.Client.Solution(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	h.send(solutionNewsMsg{id: id, solution: read})
	h.run(next)
	n := 0
	for _, s := range h.app.ctx.Solutions.List() {
		if s.ID == id {
			n++
		}
	}
	if n != 1 || len(h.app.ctx.Solutions.List()) != len(h.sb.Solutions()) {
		t.Fatalf("the list has solution %s %d times and %d solutions; want once and %d", id, n, len(h.app.ctx.Solutions.List()), len(h.sb.Solutions()))
	}
}

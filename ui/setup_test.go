package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/eventlog"
	"mps/store/journal"
	"mps/ui/readmodel"
)

// newChecklistHarness is the dashboard with the Customers tab's checklist
// on, as the command line starts it, showing the Customers tab.
func newChecklistHarness(t *testing.T, opts sandbox.Options) *harness {
	t.Helper()
	h := newHarnessConfig(t, 120, 40, opts, func(_ *sandbox.Sandbox, c *Config) { c.Checklist = true })
	h.press("4")
	if h.app.activeTab().ID() != TabCustomers {
		t.Fatalf("4 shows %v, want the Customers tab", h.app.activeTab().ID())
	}
	return h
}

// rowWith is the first row on screen whose item for kind is mark.
func (h *harness) rowWith(kind fixKind, mark graph.Mark) string {
	h.t.Helper()
	c := h.customersTab()
	for _, id := range c.wabas.WindowIDs() {
		if c.checks.mark(id, kind) == mark {
			return id
		}
	}
	h.t.Fatalf("no row on screen with %v %q:\n%s", kind, mark, h.screen())
	return ""
}

// cell is the row's checklist cell for kind, as the table draws it.
func (h *harness) checkCell(id string, kind fixKind) string {
	h.t.Helper()
	col := 3 // Subscribed, after the name, the ID and Listed
	if kind == fixCredit {
		col = 4
	}
	cell, ok := h.customersTab().wabas.CellByID(id, col)
	if !ok {
		h.t.Fatalf("no row %s", id)
	}
	return cell
}

// countRequests counts the requests whose path ends with suffix, by path.
func (h *harness) countRequests(method, suffix, query string) map[string]int {
	out := map[string]int{}
	for _, r := range h.sb.Requests() {
		if r.Method == method && strings.HasSuffix(r.Path, suffix) && strings.Contains(r.RawQuery, query) {
			out[r.Path]++
		}
	}
	return out
}

// The done-when: a customer whose credit line is ✗ gets it shared
// through the dialog, and its checklist turns ✓ after the verification read.
func TestShareCreditFromTheChecklist(t *testing.T) {
	h := newChecklistHarness(t, sandbox.Options{})
	id := h.rowWith(fixCredit, graph.MarkNo)
	if got := h.checkCell(id, fixCredit); got != "✗" {
		t.Fatalf("credit cell %q, want ✗", got)
	}
	c := h.customersTab()
	c.wabas.SelectID(id)
	h.press("$")
	if h.app.dialog == nil || h.app.dialog.setup == nil {
		t.Fatalf("$ opened no dialog:\n%s", h.screen())
	}
	h.wantScreen("Share our credit line?", "Once attached, a WABA's credit line cannot be changed.", sandbox.DemoCreditLineID, "Currency: not chosen")
	h.press("y") // no currency yet: nothing goes
	h.wantScreen("choose the currency first")
	h.wantPosts(0)
	h.press("c", "c") // AUD, then EUR
	h.wantScreen("Currency: EUR")
	h.press("y")
	if h.app.dialog != nil {
		t.Fatalf("the dialog is still open:\n%s", h.screen())
	}
	posts := h.posts()
	if len(posts) != 1 || !strings.HasSuffix(posts[0].Path, "/"+sandbox.DemoCreditLineID+"/whatsapp_credit_sharing_and_attach") ||
		!strings.Contains(posts[0].RawQuery+posts[0].Body, "EUR") || !strings.Contains(posts[0].RawQuery+posts[0].Body, id) {
		t.Fatalf("POSTs %+v, want one share of WABA %s in EUR", posts, id)
	}
	if got := h.checkCell(id, fixCredit); got != "✓" {
		t.Fatalf("credit cell after the share %q, want ✓:\n%s", got, h.screen())
	}
	h.wantScreen("verified by the read after")
	// The verification read went after the POST: the allocation it made.
	if n := len(h.countRequests("GET", "", "primary_funding_id")); n == 0 {
		t.Fatal("no primary_funding_id read")
	}
	entries, err := h.app.ctx.Journal.List(t.Context(), journal.Query{Limit: 10})
	if err != nil || len(entries) != 1 || entries[0].Action != "credit-share" || entries[0].ObjectID != id {
		t.Fatalf("journal %+v (%v), want the one share", entries, err)
	}
	// Pressed again, $ says it is done and sends nothing.
	h.press("$")
	h.wantPosts(1)
}

// On a row with ✗ subscribed, w subscribes our app after the dialog.
func TestSubscribeFromTheChecklist(t *testing.T) {
	h := newChecklistHarness(t, sandbox.Options{})
	id := h.rowWith(fixSubscribe, graph.MarkNo)
	h.customersTab().wabas.SelectID(id)
	h.press("w")
	h.wantScreen("Subscribe our app?", "/subscribed_apps")
	h.press("n")
	h.wantPosts(0)
	h.press("w", "y")
	posts := h.posts()
	if len(posts) != 1 || posts[0].Path != "/"+h.app.ctx.APIVersion+"/"+id+"/subscribed_apps" {
		t.Fatalf("POSTs %+v, want one subscribe of %s", posts, id)
	}
	if got := h.checkCell(id, fixSubscribe); got != "✓" {
		t.Fatalf("subscribed cell %q, want ✓", got)
	}
}

// A token without business_management: the dialog never opens, and the
// notice says what is missing.
func TestShareRefusedWithoutBusinessManagement(t *testing.T) {
	h := newChecklistHarness(t, sandbox.Options{})
	id := h.rowWith(fixCredit, graph.MarkNo)
	h.customersTab().wabas.SelectID(id)
	h.sb.RemoveScope("business_management")
	h.press("$")
	if h.app.dialog != nil {
		t.Fatal("a dialog opened for a share the token cannot make")
	}
	if !strings.Contains(h.app.notice, "lacks the business_management permission") {
		t.Fatalf("notice %q", h.app.notice)
	}
	h.wantPosts(0)
}

// 200 customers: every one is read, each check exactly once per WABA per
// refresh however the cursor moves, the rows on screen first, a few at a
// time; r is a new refresh, which reads them all once again.
func TestChecklistReadsEveryCustomerOnceScreenFirst(t *testing.T) {
	const customers = 200
	h := newChecklistHarness(t, sandbox.Options{WABAs: customers})
	c := h.customersTab()
	screen := c.wabas.WindowIDs()
	if len(screen) == 0 || len(screen) >= customers {
		t.Fatalf("%d rows on screen", len(screen))
	}
	order := h.subscribedReads()
	if len(order) != customers {
		t.Fatalf("%d subscribed_apps reads, want one for each of the %d customers", len(order), customers)
	}
	// No log: no customer is newer than another, so the API's order
	// stands within the screen and within the rest.
	var all []string
	for _, w := range h.sb.WABAs() {
		all = append(all, w.ID)
	}
	wantReadOrder(t, order, screenThenRest(screen, all))

	h.press("down", "up", "down", "pgdown", "pgup", "pgdown")
	for path, n := range h.countRequests("GET", "/subscribed_apps", "") {
		if n != 1 {
			t.Fatalf("%s read %d times in one refresh", path, n)
		}
	}
	funding := h.countRequests("GET", "", "primary_funding_id")
	for path, n := range funding {
		if n != 1 {
			t.Fatalf("%s's funding read %d times in one refresh", path, n)
		}
	}
	if len(funding) > customers || len(funding) < customers/2 {
		t.Fatalf("%d WABAs' funding read, want one for each customer whose credit item applies", len(funding))
	}
	if n := len(h.countRequests("GET", "/extendedcredits", "")); n != 1 {
		t.Fatalf("credit lines read %d times, want once for all", n)
	}
	h.press("r")
	if again := h.subscribedReads(); len(again) != 2*customers {
		t.Fatalf("after r %d subscribed_apps reads in all, want %d: each customer once more", len(again), 2*customers)
	} else {
		wantReadOrder(t, again[customers:], screenThenRest(c.wabas.WindowIDs(), all))
	}
}

// subscribedReads is the WABAs whose subscribed_apps was read, in the
// order the sandbox received the reads.
func (h *harness) subscribedReads() []string {
	var out []string
	for _, r := range h.sb.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/subscribed_apps") {
			out = append(out, strings.Split(r.Path, "/")[2])
		}
	}
	return out
}

// screenThenRest is the rows on screen, then the others of all in their order.
func screenThenRest(screen, all []string) []string {
	rest := slices.DeleteFunc(slices.Clone(all), func(id string) bool { return slices.Contains(screen, id) })
	return append(slices.Clone(screen), rest...)
}

// wantReadOrder checks that the reads went in want's order, a batch of
// checklistBatch customers at a time: the reads of one batch race each
// other, but none goes before every read of the batch ahead has. A
// customer of want that needs no read (one the API does not list) takes
// its place in its batch all the same.
func wantReadOrder(t *testing.T, got, want []string) {
	t.Helper()
	pos := map[string]int{}
	for i, id := range got {
		pos[id] = i
	}
	read := 0
	last := -1 // the latest read of the batches before
	for b := 0; b*checklistBatch < len(want); b++ {
		batch := want[b*checklistBatch : min(len(want), (b+1)*checklistBatch)]
		first, latest := len(got), last
		for _, id := range batch {
			if p, ok := pos[id]; ok {
				read++
				first, latest = min(first, p), max(latest, p)
			}
		}
		if first < len(got) && first < last {
			t.Fatalf("batch %d %v was read before the batch ahead of it was done:\ngot  %v\nwant %v", b+1, batch, got, want)
		}
		last = latest
	}
	if read != len(got) {
		t.Fatalf("%d reads, of which %d are of the customers expected:\ngot  %v\nwant %v", len(got), read, got, want)
	}
}

// ! shows the doctor's checks, read in a command when first asked for; r
// reads them again, esc closes.
func TestDoctorViewShowsTheChecks(t *testing.T) {
	h := newHarnessConfig(t, 120, 40, sandbox.Options{}, func(sb *sandbox.Sandbox, c *Config) {
		appToken, err := graph.New(graph.WithBaseURL(c.Client.BaseURL()),
			graph.WithTokenSource(func(context.Context) (string, error) { return sandbox.DemoToken, nil }),
			graph.WithAppAccessToken(c.AppID, func(context.Context) (string, error) { return sandbox.DemoAppSecret, nil }))
		if err != nil {
			t.Fatal(err)
		}
		d := &readmodel.Doctor{Client: c.Client, AppID: c.AppID, BusinessID: c.BusinessID, APIVersion: c.APIVersion, Now: c.Now,
			SubscribeCommand: "mps webhook subscribe",
			Versions:         func(string, time.Time) (string, bool, string) { return "current", false, "" },
			AppSubscriptions: func(ctx context.Context) ([]graph.AppSubscription, error) {
				return appToken.AppSubscriptions(ctx, c.AppID)
			},
			OpenLog: func(context.Context) (*eventlog.Log, error) { return nil, nil },
			Customers: func(ctx context.Context) ([]graph.WABA, error) {
				return c.Client.ClientWABAs(ctx, c.BusinessID, nil)
			},
		}
		c.Doctor = d.Checks
	})
	if len(h.countRequests("POST", "/debug_token", "")) != 0 {
		t.Fatal("the checks were read before ! asked for them")
	}
	h.press("!")
	// The sandbox's app subscription lacks partner_solutions: one check fails.
	h.wantScreen("✗ fail", "✓ pass", "→ Subscribe the app: mps webhook subscribe", "1 failed")
	// debug_token goes as a POST with method=GET, keeping the token out of the URL.
	inspections := func() int {
		n := 0
		for _, c := range h.countRequests("POST", "/debug_token", "") {
			n += c
		}
		return n
	}
	before := inspections()
	h.press("r")
	if after := inspections(); before != 1 || after != 2 {
		t.Fatalf("the token inspected %d times, then %d after r; want 1, then 2", before, after)
	}
	h.press("esc")
	if h.app.doctorOn {
		t.Fatal("esc left the checks open")
	}
	h.press("!") // read already: shown again without a read
	if inspections() != 2 || !h.app.doctorOn {
		t.Fatalf("! again: open %v, %d inspections", h.app.doctorOn, inspections())
	}
}

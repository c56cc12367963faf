package ui

import (
	"maps"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// openWABASolutions goes to Customers, opens the first WABA's solution
// list and returns the WABA's ID and the list's first solution, which the
// sandbox makes Active with us as owner (so D requests its deactivation).
func (h *harness) openWABASolutions() (string, graph.Solution) {
	h.t.Helper()
	h.press("4", "enter")
	c := h.customersTab()
	if !c.solsOpen {
		h.t.Fatalf("enter did not open the WABA's solutions:\n%s", h.screen())
	}
	r, ok := c.sols.Selected()
	if !ok {
		h.t.Fatalf("the WABA's solution list is empty:\n%s", h.screen())
	}
	s, ok := h.app.ctx.Solutions.Solution(r.ID)
	if !ok || s.State() != graph.StateActive || graph.RoleOf(&s, h.app.ctx.AppID) != graph.RoleOwner {
		h.t.Fatalf("the WABA's first solution is %+v (known %v); the test needs one we own, Active", s, ok)
	}
	h.wantScreen("Solutions that onboarded", s.Name, "Active")
	return c.solsWABA.ID, s
}

// wabaListState is the State cell of a solution in the WABA's list.
func (h *harness) wabaListState(id string) string {
	h.t.Helper()
	cell, ok := h.customersTab().sols.CellByID(id, 2)
	if !ok {
		h.t.Fatalf("solution %s left the WABA's list", id)
	}
	return cell
}

// wabaListReads counts the reads of the WABA's solution list.
func (h *harness) wabaListReads(wabaID string) int {
	n := 0
	for _, r := range h.sb.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/"+wabaID+"/solutions") {
			n++
		}
	}
	return n
}

// The stale case: a solution opened from a WABA's solution list and
// deactivated through the dialog reads as its new state in that list.
func TestWABASolutionListShowsActionTakenFromIt(t *testing.T) {
	h := newHarness(t, 120, 40)
	_, s := h.openWABASolutions()
	h.press("enter") // opens the inspector on it
	if h.app.inspector == nil || h.app.inspector.sol.ID != s.ID {
		t.Fatalf("enter did not open the inspector on %s:\n%s", s.ID, h.screen())
	}
	h.press("D", "y")
	posts := h.posts()
	if len(posts) != 1 || !strings.HasSuffix(posts[0].Path, "/"+s.ID+"/send_deactivation_request") {
		t.Fatalf("want one send_deactivation_request POST for %s, got %+v", s.ID, posts)
	}
	h.wantScreen("Done: request deactivation", "Pending deactivation")
	h.press("esc", "4")
	if !h.customersTab().solsOpen {
		t.Fatalf("the Customers tab left the WABA's list:\n%s", h.screen())
	}
	if got := h.wabaListState(s.ID); !strings.Contains(got, "Pending deactivation") {
		t.Fatalf("the WABA's list shows %q after the deactivation request, want Pending deactivation:\n%s", got, h.screen())
	}
	h.wantScreen("Pending deactivation")
}

// r in a WABA's solution list reads that list again, and the list shows
// what the read found.
func TestRefreshInWABASolutionListReadsItAgain(t *testing.T) {
	h := newHarness(t, 120, 40)
	wabaID, s := h.openWABASolutions()
	if n := h.wabaListReads(wabaID); n != 1 {
		t.Fatalf("opening the list read it %d times, want once", n)
	}
	// Someone else asks for the deactivation: our list is now stale.
	if _, err := h.app.ctx.Client.PostAction(h.app.ctx.Ctx, s.ID, graph.ActionRequestDeactivation); err != nil {
		t.Fatal(err)
	}
	mark := len(h.sb.Requests())
	h.press("r")
	if n := h.wabaListReads(wabaID); n != 2 {
		t.Fatalf("r read the WABA's list %d times in all, want twice; requests after r: %+v", n, requestsSince(h.sb, mark))
	}
	if got := h.wabaListState(s.ID); !strings.Contains(got, "Pending deactivation") {
		t.Fatalf("after r the WABA's list shows %q, want the state read (Pending deactivation)", got)
	}
	if got, _ := h.app.ctx.Solutions.Solution(s.ID); got.State() != graph.StatePendingDeactivation {
		t.Fatalf("the shared copy is %s after the list's read, want Pending deactivation", got.StateLabel())
	}
}

// A change made through one tab (the Solutions tab's D) shows in every
// other view: Pending, Partners, the WABA's solution list and an inspector
// opened on the solution.
func TestActionThroughOneTabShowsInEveryView(t *testing.T) {
	h := newHarness(t, 120, 40)
	_, s := h.openWABASolutions()
	h.press("1")
	h.selectRow(s.Name)
	h.press("D", "y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("want one POST, got %d", n)
	}
	wantPendingDeactivation(t, h, s)
}

// A webhook's read updates the one copy: the inspector open on the
// solution, the tabs and the WABA's solution list all show it.
func TestWebhookReadShowsInInspectorAndEveryTab(t *testing.T) {
	h := newHarness(t, 120, 40)
	_, s := h.openWABASolutions()
	h.press("enter")
	h.wantScreen("Solution "+s.Name, "Active")
	if _, err := h.app.ctx.Client.PostAction(h.app.ctx.Ctx, s.ID, graph.ActionRequestDeactivation); err != nil {
		t.Fatal(err)
	}
	fresh, err := h.app.ctx.Client.Solution(h.app.ctx.Ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	h.send(solutionNewsMsg{id: s.ID, solution: fresh})
	if got := h.app.inspector.sol.State(); got != graph.StatePendingDeactivation {
		t.Fatalf("the inspector shows %v after the webhook's read", got)
	}
	h.wantScreen("Pending deactivation  (status ACTIVE, pending request PENDING_DEACTIVATION)")
	wantPendingDeactivation(t, h, s)
}

// wantPendingDeactivation checks every view of solution s shows the
// deactivation we requested.
func wantPendingDeactivation(t *testing.T, h *harness, s graph.Solution) {
	t.Helper()
	h.press("esc")
	sols := h.app.tabs[0].(*solutionsTab)
	if cell, _ := sols.table.CellByID(s.ID, 1); !strings.Contains(cell, "Pending deactivation") {
		t.Fatalf("Solutions shows %q", cell)
	}
	want := map[graph.State]int{}
	countStates(want, h.app.ctx.Solutions.List())
	if !maps.Equal(sols.counts, want) {
		t.Fatalf("the Solutions header counts %v, the list holds %v", sols.counts, want)
	}
	pending := h.app.tabs[1].(*pendingTab)
	if cell, ok := pending.table.CellByID(s.ID, 1); !ok || cell != "deactivation" {
		t.Fatalf("Pending shows %q (listed %v), want our deactivation request", cell, ok)
	}
	if got := h.wabaListState(s.ID); !strings.Contains(got, "Pending deactivation") {
		t.Fatalf("the WABA's list shows %q", got)
	}
	partners := h.app.tabs[2].(*partnersTab)
	apps := partners.counterparts(&s)
	if len(apps) == 0 {
		t.Fatalf("no partner app known for %s", s.ID)
	}
	if cell, _ := partners.apps.CellByID(apps[0].ID, 2); !strings.Contains(strings.ToLower(cell), "pending deactivation") {
		t.Fatalf("Partners counts %q for %s", cell, apps[0].ID)
	}
	h.press("1")
	h.selectRow(s.Name)
	h.press("enter")
	if got := h.app.inspector.sol.State(); got != graph.StatePendingDeactivation {
		t.Fatalf("an inspector opened on it shows %v", got)
	}
}

// r in a WABA's solution list also retries the customers' load when it
// failed (a throttle's retry lands there too), so that the list under it
// is not left failed.
func TestRefreshInWABASolutionListRetriesFailedCustomers(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("4")
	h.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, PathContains: "client_whatsapp_business_accounts", Times: 1})
	h.press("p") // another partner business filter: its load fails
	if h.app.ctx.Customers.load.err == nil || h.customersTab().wabas.Len() == 0 {
		t.Fatalf("want a failed load that keeps the rows; error %v, %d rows", h.app.ctx.Customers.load.err, h.customersTab().wabas.Len())
	}
	h.press("enter")
	wabaID := h.customersTab().solsWABA.ID
	mark := len(h.sb.Requests())
	h.press("r")
	var list, customers int
	for _, r := range requestsSince(h.sb, mark) {
		switch {
		case strings.HasSuffix(r.Path, "/"+wabaID+"/solutions"):
			list++
		case strings.Contains(r.Path, "client_whatsapp_business_accounts"):
			customers++
		}
	}
	if list != 1 || customers == 0 {
		t.Fatalf("r read the WABA's list %d times and the customers in %d requests; want once and at least one", list, customers)
	}
	if err := h.app.ctx.Customers.load.err; err != nil {
		t.Fatalf("the customers' load still failed: %v", err)
	}
}

package ui

import (
	"strconv"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// wantRowsKnowTheirRole checks every Solutions row against the sandbox.
func wantRowsKnowTheirRole(t *testing.T, h *harness, when string) {
	t.Helper()
	tab := h.app.tabs[0].(*solutionsTab)
	if len(tab.list()) != len(h.sb.Solutions()) {
		t.Fatalf("%s: %d rows, the sandbox has %d", when, len(tab.list()), len(h.sb.Solutions()))
	}
	for i := range tab.list() {
		s := &tab.list()[i]
		if got, want := tab.row(s).Cells[2], h.sb.RoleOf(s.ID).String(); got != want {
			t.Fatalf("%s: %q shows role %q, want %q", when, s.Name, got, want)
		}
	}
}

// Under lists that answer only their default fields, the dashboard still
// knows our side of every solution, files Pending by it, and Partners is
// not empty; what the list lacks shows as —.
func TestDashboardWithoutExpansion(t *testing.T) {
	h := newHarnessWith(t, 120, 40, sandbox.Options{ListDefaultFieldsOnly: true})
	wantRowsKnowTheirRole(t, h, "after the first load")
	tab := h.app.tabs[0].(*solutionsTab)
	for i := range tab.list() {
		if cells := tab.row(&tab.list()[i]).Cells; cells[3] != "—" || cells[4] != "—" {
			t.Fatalf("%q: partner app %q, messaging %q; the list did not say them, want —", tab.list()[i].Name, cells[3], cells[4])
		}
	}
	for _, r := range h.sb.Requests() {
		if !strings.HasSuffix(r.Path, "/whatsapp_business_solutions") && !strings.HasSuffix(r.Path, "/client_whatsapp_business_accounts") {
			t.Errorf("a request beside the lists: %s %s", r.Method, r.Path)
		}
	}

	// Pending: the requests that need our answer, by the sandbox's truth.
	needsUs, awaits := 0, 0
	for _, s := range h.sb.Solutions() {
		st := s.State()
		if st != graph.StatePending && st != graph.StatePendingDeactivation {
			continue
		}
		if graph.Check(graph.AnswerFor(st, true), st, h.sb.RoleOf(s.ID)).Allowed {
			needsUs++
		} else {
			awaits++
		}
	}
	pending := h.app.tabs[1].(*pendingTab)
	if needsUs == 0 || pending.needsUs != needsUs || pending.awaits != awaits {
		t.Fatalf("Pending files %d as needing us and %d as awaiting the partner, want %d and %d", pending.needsUs, pending.awaits, needsUs, awaits)
	}
	h.press("2")
	h.wantScreen("Needs us (" + strconv.Itoa(needsUs) + ")")
	for i := range pending.list() {
		if p := permissionSummary(&pending.list()[i], graph.RoleOf(&pending.list()[i], sandbox.DemoAppID)); p != "—" {
			t.Fatalf("%q: permissions %q before they were read, want —", pending.list()[i].Name, p)
		}
	}

	// Partners: every solution we are on is counted, its other side not read yet.
	h.press("3")
	partners := h.app.tabs[2].(*partnersTab)
	if partners.apps.Len() == 0 {
		t.Fatalf("Partners is empty:\n%s", h.screen())
	}
	h.wantScreen("— (other side not read yet)")
}

// `a` on a request that needs us opens the dialog under the switch; it
// never says we are not a side of it.
func TestAcceptWithoutExpansionOpensTheDialog(t *testing.T) {
	h := newHarnessWith(t, 120, 40, sandbox.Options{ListDefaultFieldsOnly: true})
	h.press("2")
	h.selectRow("Social OVD with Northwind")
	h.press("a")
	if strings.Contains(h.screen(), "not a side") || strings.Contains(h.screen(), "check the app ID") {
		t.Fatalf("a blamed the app ID:\n%s", h.screen())
	}
	h.wantScreen("Accept solution request?")
}

// The inspector's read of a solution fills its row in every tab (partner
// app, permissions), and neither that nor the role goes back to unknown on
// r, on a webhook's reload or on the periodic reload.
func TestReadFactsSurviveReloads(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{ListDefaultFieldsOnly: true})
	h.press("2")
	target := h.selectRow("Social OVD with Northwind")
	h.press("enter") // the inspector reads the solution
	h.press("esc")
	wantRead := func(when string) {
		t.Helper()
		pending := h.app.tabs[1].(*pendingTab)
		s, ok := findSolution(pending.list(), target.ID)
		if !ok {
			t.Fatalf("%s: %s left Pending", when, target.Name)
		}
		row := pending.row(&s)
		if row.Cells[2] != "Social Overdrive" || row.Cells[4] == "—" {
			t.Fatalf("%s: Pending row %q: the read's partner app and permissions are missing", when, row.Cells)
		}
		sol, _ := findSolution(h.app.tabs[0].(*solutionsTab).list(), target.ID)
		if cells := h.app.tabs[0].(*solutionsTab).row(&sol).Cells; cells[2] != "partner" || cells[3] != "Social Overdrive" {
			t.Fatalf("%s: Solutions row %q", when, cells)
		}
		if h.app.tabs[2].(*partnersTab).apps.Len() < 2 {
			t.Fatalf("%s: Partners does not list the app read", when)
		}
		wantRowsKnowTheirRole(t, h.harness, when)
	}
	wantRead("after the inspector's read")
	h.press("r")
	wantRead("after r")
	h.send(ReloadMsg{Tab: TabPending, Reason: "a webhook said so"})
	wantRead("after a webhook's reload")
	h.send(h.due())
	wantRead("after the periodic reload")
}

package ui

import (
	"slices"
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
// knows our side of every solution and files Pending by it. It then reads
// the solutions on screen, each once and a few at a time, with their own
// GET /{solution-id}, so that Solutions, Pending and Partners show what
// they show when the lists bring everything.
func TestDashboardWithoutExpansion(t *testing.T) {
	h := newHarnessWith(t, 120, 40, sandbox.Options{ListDefaultFieldsOnly: true})
	full := newHarnessWith(t, 120, 40, sandbox.Options{})
	wantRowsKnowTheirRole(t, h, "after the first load")

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

	for _, key := range []string{"1", "2", "3"} {
		h.press(key)
		full.press(key)
		if got, want := tablesOf(h), tablesOf(full); got != want {
			t.Fatalf("tab %s under default fields:\n%s\nwith the lists' expansion:\n%s", key, got, want)
		}
	}
	h.wantScreenLacks("not read yet", "Partners still has solutions whose other side was not read")

	reads := map[string]int{}
	for _, r := range h.sb.Requests() {
		switch {
		case strings.HasSuffix(r.Path, "/whatsapp_business_solutions"), strings.HasSuffix(r.Path, "/client_whatsapp_business_accounts"):
		case r.Method == "GET" && strings.Count(r.Path, "/") == 2:
			reads[r.Path[strings.LastIndex(r.Path, "/")+1:]]++
		default:
			t.Errorf("a request beside the lists and the solutions' reads: %s %s", r.Method, r.Path)
		}
	}
	for _, s := range h.sb.Solutions() {
		if reads[s.ID] != 1 {
			t.Errorf("%q was read %d times, want once", s.Name, reads[s.ID])
		}
	}
}

// Only the solutions on screen are read: on a short screen the rows below
// wait until they are scrolled to, and then only they are read.
func TestSideReadsFollowTheScreen(t *testing.T) {
	h := newHarnessWith(t, 80, 14, sandbox.Options{ListDefaultFieldsOnly: true})
	tab := h.app.tabs[0].(*solutionsTab)
	solutionReads := func() map[string]int {
		reads := map[string]int{}
		for _, r := range h.sb.Requests() {
			if r.Method == "GET" && strings.Count(r.Path, "/") == 2 {
				reads[r.Path[strings.LastIndex(r.Path, "/")+1:]]++
			}
		}
		return reads
	}
	var seen []string // the rows on screen before
	wantRead := func(when string) {
		t.Helper()
		reads, shown := solutionReads(), tab.table.WindowIDs()
		if len(shown) == 0 || len(shown) >= len(tab.list()) {
			t.Fatalf("%s: %d of %d rows on screen; the test wants a screen that shows some", when, len(shown), len(tab.list()))
		}
		for _, id := range shown {
			if reads[id] != 1 {
				t.Errorf("%s: %s on screen was read %d times, want once", when, id, reads[id])
			}
		}
		for id, n := range reads {
			if !slices.Contains(shown, id) && !slices.Contains(seen, id) {
				t.Errorf("%s: %s was read %d times without being on screen", when, id, n)
			}
		}
		seen = append(seen, shown...)
	}
	wantRead("at the top")
	h.press("G")
	wantRead("at the bottom")
}

// tablesOf is what the active tab's tables draw.
func tablesOf(h *harness) string {
	switch t := h.app.activeTab().(type) {
	case *solutionsTab:
		return t.table.View()
	case *pendingTab:
		return t.table.View()
	case *partnersTab:
		return t.apps.View() + "\n" + t.sols.View()
	}
	return ""
}

// When a solution's read fails, its row keeps what the list gave (—, and
// Partners' "not read yet"), the read is not sent again until r, and r
// sends it again.
func TestFailedSideReadsWaitForR(t *testing.T) {
	fault := sandbox.Fault{Kind: sandbox.FaultMalformedJSON, Method: "GET", PathContains: "/176022677"}
	h := newHarnessConfig(t, 120, 40, sandbox.Options{ListDefaultFieldsOnly: true},
		func(sb *sandbox.Sandbox, _ *Config) { sb.AddFault(fault) })
	tab := h.app.tabs[0].(*solutionsTab)
	for i := range tab.list() {
		if cells := tab.row(&tab.list()[i]).Cells; cells[3] != "—" || cells[4] != "—" {
			t.Fatalf("%q: partner app %q, messaging %q; its read failed, want —", tab.list()[i].Name, cells[3], cells[4])
		}
	}
	h.press("2")
	for i := range h.app.tabs[1].(*pendingTab).list() {
		s := &h.app.tabs[1].(*pendingTab).list()[i]
		if p := permissionSummary(s, graph.RoleOf(s, sandbox.DemoAppID)); p != "—" {
			t.Fatalf("%q: permissions %q though its read failed, want —", s.Name, p)
		}
	}
	h.press("3")
	h.wantScreen("— (other side not read yet)")
	sent := len(h.sb.Requests())
	h.press("1", "2", "3", "j", "k")
	if n := len(h.sb.Requests()); n != sent {
		t.Fatalf("moving between the tabs sent %d more requests; a failed read waits for r", n-sent)
	}
	h.sb.ClearFaults()
	h.press("r")
	h.wantScreenLacks("not read yet", "r did not read the solutions again")
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

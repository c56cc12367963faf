package ui

import (
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
)

// The cursor's row on the active tab, for the back stack's tests.
func (h *harness) cursorID() string {
	h.t.Helper()
	c, ok := h.app.activeTab().(idCopier)
	if !ok {
		h.t.Fatalf("tab %s has no rows with IDs", h.app.activeTab().Title())
	}
	target, _ := c.SelectedID()
	return target.id
}

func TestEscFromAnEventsJumpReturnsToEventsWithCursorAndFilter(t *testing.T) {
	now := fixedNow()
	h, _ := logHarness(t, sandbox.Options{}, guideEvents(t, now,
		"guide_partner_solutions_created.json", "guide_account_update_partner_added.json", "guide_partner_solutions_pending_deactivation.json")...)
	e, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.press("/")
	h.typeText("partner_solutions")
	h.press("enter", "G")
	row, _ := e.list.Selected()
	if e.list.VisibleLen() < 2 || e.list.Cursor() == 0 {
		t.Fatalf("the filter left %d rows, cursor %d; the test wants the cursor off the first row", e.list.VisibleLen(), e.list.Cursor())
	}
	h.press("enter")
	if h.app.inspector == nil || h.app.activeTab().ID() != TabSolutions {
		t.Fatalf("enter on the event opened no solution:\n%s", h.screen())
	}
	h.press("esc")
	if h.app.inspector != nil || h.app.activeTab().ID() != TabEvents {
		t.Fatalf("esc left the inspector for %s, want the Events tab:\n%s", h.app.activeTab().Title(), h.screen())
	}
	if got, _ := e.list.Selected(); got.ID != row.ID || e.list.Filter() != "partner_solutions" || h.app.filter.Value() != "partner_solutions" {
		t.Fatalf("back on Events: cursor on %s with filter %q (line %q), want %s with partner_solutions", got.ID, e.list.Filter(), h.app.filter.Value(), row.ID)
	}
	h.wantScreen("filter: partner_solutions")
}

func TestEscWalksBackFromASolutionToTheWABAListThenToCustomers(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("4", "j", "j")
	tab := h.app.tabs[3].(*customersTab)
	waba := h.cursorID()
	h.press("enter")
	if tab.sols.Len() == 0 {
		t.Fatalf("the WABA lists no solutions:\n%s", h.screen())
	}
	sol := h.cursorID()
	h.press("enter")
	if h.app.inspector == nil || h.app.inspector.sol.ID != sol {
		t.Fatalf("enter did not open solution %s", sol)
	}
	h.press("esc")
	if h.app.inspector != nil || h.app.activeTab().ID() != TabCustomers || !tab.solsOpen || tab.solsWABA.ID != waba || h.cursorID() != sol {
		t.Fatalf("esc from the solution: tab %s, WABA list open %v (%s), cursor %s; want WABA %s's list on %s:\n%s",
			h.app.activeTab().Title(), tab.solsOpen, tab.solsWABA.ID, h.cursorID(), waba, sol, h.screen())
	}
	h.wantScreen("Solutions that onboarded")
	h.press("esc")
	if tab.solsOpen || h.cursorID() != waba {
		t.Fatalf("the second esc: WABA list open %v, cursor %s; want the customers on %s", tab.solsOpen, h.cursorID(), waba)
	}
}

// A jump that changes the tab it came from (showing another WABA) does
// not lose the way back: esc puts the WABA list back as it was.
func TestEscRestoresTheWABAListAJumpClosed(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("4", "j")
	tab := h.app.tabs[3].(*customersTab)
	waba := h.cursorID()
	h.press("enter")
	h.send(ShowWABAMsg{ID: tab.data.List()[5].ID})
	if tab.solsOpen {
		t.Fatal("the jump to a WABA left the solution list open")
	}
	h.press("esc")
	if !tab.solsOpen || tab.solsWABA.ID != waba {
		t.Fatalf("esc: WABA list open %v for %s, want %s's", tab.solsOpen, tab.solsWABA.ID, waba)
	}
}

func TestATabChosenByHandStartsAfresh(t *testing.T) {
	for _, how := range []string{"tab", "digit", "click"} {
		t.Run(how, func(t *testing.T) {
			h := newHarness(t, 120, 40)
			h.press("4", "enter", "enter")
			if h.app.inspector == nil || !h.app.canGoBack() {
				t.Fatal("no inspector with a way back")
			}
			switch how {
			case "tab":
				h.press("tab")
			case "digit":
				h.press("2")
			case "click":
				x := len([]rune(stripped(h.app.tabLabel(0))))
				h.send(tea.MouseClickMsg{X: x + 1, Y: 0, Button: tea.MouseLeft})
			}
			if h.app.canGoBack() || h.app.activeTab().ID() != TabPending {
				t.Fatalf("after %s: on %s, way back kept %v; want Pending and none", how, h.app.activeTab().Title(), h.app.canGoBack())
			}
			h.press("esc")
			if h.app.activeTab().ID() != TabPending {
				t.Fatalf("esc after a tab chosen by hand went to %s", h.app.activeTab().Title())
			}
		})
	}
}

// esc in an inspector opened with enter on the Solutions tab closes it
// there, with the cursor where it was.
func TestEscFromTheSolutionsInspectorKeepsTheCursor(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("j", "j", "j")
	id := h.cursorID()
	h.press("enter", "esc")
	if h.app.inspector != nil || h.app.canGoBack() || h.cursorID() != id {
		t.Fatalf("esc: inspector %v, way back %v, cursor %s; want closed, none, %s", h.app.inspector != nil, h.app.canGoBack(), h.cursorID(), id)
	}
}

// enter on a solution of the Partners tab opens its inspector, where the
// action keys act on it; esc comes back to the tab.
func TestPartnersEnterOpensTheInspectorWhereActionsWork(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("3")
	tab := h.app.tabs[2].(*partnersTab)
	pending := findPartnerRequest(h, tab)
	h.press("enter")
	if h.app.inspector == nil || h.app.inspector.sol.ID != pending.ID {
		t.Fatalf("enter opened no inspector on %s:\n%s", pending.ID, h.screen())
	}
	h.press("a")
	if h.app.dialog == nil || h.app.dialog.req.Solution.ID != pending.ID {
		t.Fatalf("a in the inspector opened no dialog for %s:\n%s", pending.ID, h.screen())
	}
	h.press("n", "esc")
	if h.app.inspector != nil || h.app.activeTab().ID() != TabPartners || !tab.focusSols {
		t.Fatalf("esc did not come back to the Partners tab's solutions:\n%s", h.screen())
	}
}

// findPartnerRequest walks the Partners tab to a pending request we
// answer, leaving the solutions table focused on it.
func findPartnerRequest(h *harness, tab *partnersTab) graph.Solution {
	h.t.Helper()
	for range tab.apps.Len() {
		h.press("enter")
		for range tab.sols.Len() {
			if s, ok := tab.solutionAt(tab.sols); ok && s.State() == graph.StatePending && graph.Check(graph.ActionAccept, s.State(), graph.RoleOf(&s, h.app.ctx.AppID)).Allowed {
				return s
			}
			h.press("j")
		}
		h.press("esc", "j")
	}
	h.t.Fatalf("no partner app shares a pending request we answer:\n%s", h.screen())
	return graph.Solution{}
}

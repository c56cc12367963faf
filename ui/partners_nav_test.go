package ui

import (
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

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

func TestSavedPartnerNamesShowBesideTheirIDs(t *testing.T) {
	ids := sandbox.DemoPartnerBusinessIDs()
	h := newHarnessAdjusted(t, 160, 40, func(c *Config) {
		c.PartnerNames = map[string]string{ids[0]: "Acme Partners"}
	})
	h.press("4")
	h.wantScreen("p: all / Acme Partners (" + ids[0] + ")")
	h.press("p")
	h.wantScreen("partner business Acme Partners (" + ids[0] + ")")
	if len(ids) > 1 && strings.Contains(h.screen(), "("+ids[1]+")") {
		t.Fatalf("an unnamed partner business shows a name:\n%s", h.screen())
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

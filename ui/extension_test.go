package ui

import (
	"path/filepath"
	"testing"
)

// The Events tab is an ordinary tab, there whenever an event log is
// configured (even one not written yet); the messages it steers the other
// tabs with work from anywhere.
func TestEventsTabWithALogAndSteeringMessages(t *testing.T) {
	h := newHarness(t, 120, 40)
	if len(h.app.tabs) != 5 {
		t.Fatalf("without an event log the dashboard has %d tabs (History's included), want 5", len(h.app.tabs))
	}
	cfg := h.app.ctx.Config
	cfg.EventLog = EventLogAt(filepath.Join(t.TempDir(), "events.db"))
	h.app = NewApp(cfg)
	h.resize(120, 40)
	h.run(h.app.Init())

	h.press("5")
	h.wantScreen("5 Events", "No event log yet at "+cfg.EventLog.Where)

	target := h.app.tabs[0].(*solutionsTab).list()[4]
	h.send(OpenSolutionMsg{ID: target.ID})
	if h.app.activeTab().ID() != TabSolutions || h.app.inspector == nil || h.app.inspector.sol.ID != target.ID {
		t.Fatalf("OpenSolutionMsg did not open %s on the Solutions tab", target.ID)
	}
	h.press("esc")
	if s, _ := h.app.tabs[0].(*solutionsTab).SelectedSolution(); s.ID != target.ID {
		t.Fatalf("the jump left the cursor on %s", s.Name)
	}

	waba := h.app.tabs[3].(*customersTab)
	waba.wabas.MoveBy(7)
	row, _ := waba.wabas.Selected()
	waba.wabas.Top()
	h.send(ShowWABAMsg{ID: row.ID})
	if got, _ := waba.wabas.Selected(); h.app.activeTab().ID() != TabCustomers || got.ID != row.ID {
		t.Fatalf("ShowWABAMsg selected %q, want %q", got.ID, row.ID)
	}

	before := listCalls(h)
	h.send(ReloadMsg{Tab: TabPending, Reason: "a webhook said so"})
	if listCalls(h) != before+1 {
		t.Fatalf("ReloadMsg for Pending read the solution list %d times", listCalls(h)-before)
	}
	h.wantScreen("a webhook said so")
}

func listCalls(h *harness) int {
	n := 0
	for _, r := range h.sb.Requests() {
		if startsListLoad(r) {
			n++
		}
	}
	return n
}

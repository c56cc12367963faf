package ui

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// stubTab is the smallest tab a later package could add.
type stubTab struct{ width, height int }

func (s *stubTab) ID() TabID              { return TabEvents }
func (s *stubTab) Title() string          { return "Events" }
func (s *stubTab) Init() tea.Cmd          { return nil }
func (s *stubTab) Update(tea.Msg) tea.Cmd { return nil }
func (s *stubTab) View() string           { return "stub events view" }
func (s *stubTab) SetSize(w, h int)       { s.width, s.height = w, h }
func (s *stubTab) KeyHelp() []key.Binding { return nil }
func (s *stubTab) Refresh() tea.Cmd       { return nil }
func (s *stubTab) SetFilter(string)       {}
func (s *stubTab) Busy() bool             { return false }

func TestExtraTabAndSteeringMessages(t *testing.T) {
	h := newHarness(t, 120, 40)
	cfg := h.app.ctx.Config
	cfg.ExtraTabs = []func(*Context) Tab{func(*Context) Tab { return &stubTab{} }}
	h.app = NewApp(cfg)
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.app.Init())

	h.press("5")
	h.wantScreen("5 Events", "stub events view")

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

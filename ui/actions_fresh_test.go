package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
)

// wantPosts checks how many action POSTs the sandbox received.
func (h *harness) wantPosts(want int) {
	h.t.Helper()
	if n := len(h.posts()); n != want {
		h.t.Fatalf("%d POSTs, want %d:\n%s", n, want, h.screen())
	}
}

// gets counts the reads of one solution in the sandbox's log.
func (h *harness) gets(id string) int {
	n := 0
	for _, r := range h.sb.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/"+id) {
			n++
		}
	}
	return n
}

// The dialog shows the solution as read when the key was pressed, not the
// list row: here the row says Pending, and the read says a deactivation
// request now awaits us, so a asks to accept that.
func TestDialogShowsTheReadNotTheRow(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.sb.SetSolutionStatus(s.ID, graph.StatusActive, graph.PendingDeactivation)
	h.sb.SetSolutionName(s.ID, "Lucky Shrub storefront, renamed")
	reads := h.gets(s.ID)
	h.press("a")
	if h.gets(s.ID) != reads+1 {
		t.Fatalf("a read the solution %d times, want once", h.gets(s.ID)-reads)
	}
	if h.app.dialog == nil || h.app.dialog.req.Action != graph.ActionAcceptDeactivation {
		t.Fatalf("want the dialog for accepting the deactivation request:\n%s", h.screen())
	}
	h.wantScreen("Accept deactivation request?", "Lucky Shrub storefront, renamed", "State:    Pending deactivation, our role partner", "Owner:    Lucky Shrub", "The owner's:", "MANAGE_BILLING")
}

// While the read before the dialog runs, the screen says so and further
// action keys are refused; one dialog opens, and y sends one POST.
func TestActionKeysWhileReadingAreRefused(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("2")
	target := h.selectRow("Social OVD with Northwind")
	_, read := h.app.Update(keyMsg("a"))
	h.wantScreen("Reading \"Social OVD with Northwind\" before asking")
	for _, k := range []string{"a", "x", "D"} {
		if _, cmd := h.app.Update(keyMsg(k)); cmd != nil {
			h.run(cmd)
		}
		h.wantScreen("Still reading \"Social OVD with Northwind\" before asking")
	}
	h.run(read)
	if h.app.dialog == nil || h.app.dialog.req.Action != graph.ActionAccept {
		t.Fatalf("no accept dialog after the read:\n%s", h.screen())
	}
	h.press("y", "y")
	h.wantPosts(1)
	if n := h.gets(target.ID); n != 2 {
		t.Fatalf("the solution was read %d times, want twice: before asking and after the POST", n)
	}
}

// The bursts measured in the issue, each key delivered before any command
// has answered, then the answers: one POST per confirmed dialog at most.
func TestBurstsSendAtMostOnce(t *testing.T) {
	for _, burst := range []struct {
		row  string
		keys []string
	}{
		{"Northwind with Lucky Shrub", []string{"D", "D", "y", "y"}},
		{"Lucky Shrub storefront", []string{"a", "a", "y", "y"}},
		{"Lucky Shrub storefront", []string{"a", "y", "a", "y"}},
	} {
		t.Run(strings.Join(burst.keys, ""), func(t *testing.T) {
			h := newHarness(t, 120, 40)
			h.selectRow(burst.row)
			var cmds []tea.Cmd
			for _, k := range burst.keys {
				_, cmd := h.app.Update(keyMsg(k))
				cmds = append(cmds, cmd)
			}
			h.run(tea.Batch(cmds...))
			if h.app.dialog == nil {
				t.Fatalf("the burst opened no dialog:\n%s", h.screen())
			}
			h.wantPosts(0)
			h.press("y")
			// The same keys again, with their commands run in between.
			h.press(burst.keys...)
			if h.app.dialog != nil {
				h.press("n")
			}
			h.wantPosts(1)
		})
	}
}

// A dialog belongs to one state of its solution: when a fresh copy in
// another state arrives, whatever brings it, the dialog closes and y sends
// nothing.
func TestDialogClosesWhenItsSolutionChanges(t *testing.T) {
	for _, via := range []string{"reload", "inspector", "action result"} {
		t.Run(via, func(t *testing.T) {
			h := newHarness(t, 120, 40)
			s := h.selectRow("Lucky Shrub storefront")
			if via == "inspector" {
				h.press("enter")
			}
			h.press("a")
			if h.app.dialog == nil {
				t.Fatal("no dialog")
			}
			h.sb.SetSolutionStatus(s.ID, graph.StatusRejected, graph.PendingNone)
			switch via {
			case "reload":
				h.send(ReloadMsg{Tab: TabSolutions, Reason: "Webhook: partner_solutions/SOLUTION_UPDATED — reloading solutions"})
			case "inspector":
				h.run(h.app.inspector.refresh(h.app.nextSeq()))
			case "action result":
				after, _ := h.sb.Solution(s.ID)
				h.send(actionDoneMsg{Request: actionRequest{Action: graph.ActionReject, Solution: s}, Outcome: graph.ActionOutcome{After: &after}})
			}
			if h.app.dialog != nil {
				t.Fatalf("the dialog stayed open after its solution changed:\n%s", h.screen())
			}
			if via != "action result" { // that one's notice is the action's own
				h.wantScreen("changed while you were asked", "it is now Inactive", "Nothing was sent")
			}
			h.press("y")
			h.wantPosts(0)
		})
	}
}

// A reload that finds the solution as it was leaves the dialog open.
func TestDialogStaysOpenWhenNothingChanged(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Lucky Shrub storefront")
	h.press("a")
	h.send(ReloadMsg{Tab: TabSolutions})
	if h.app.dialog == nil {
		t.Fatalf("a reload with no change closed the dialog:\n%s", h.screen())
	}
	h.press("y")
	h.wantPosts(1)
}

// A POST refused because the state changed elsewhere (which mps had not
// heard of) says so and shows the new state, read again, in every view;
// it does not blame the IDs.
func TestRefusalBecauseTheStateChangedElsewhere(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.press("enter", "a")
	if h.app.dialog == nil {
		t.Fatal("no dialog")
	}
	h.sb.SetSolutionStatus(s.ID, graph.StatusActive, graph.PendingNone) // accepted elsewhere, unheard of
	h.press("y")
	h.wantPosts(1)
	h.wantScreen("the solution changed elsewhere", "it is now Active", "code 100", "fbtrace_id")
	h.wantScreenLacks("check the IDs", "the refusal blames the IDs")
	if h.app.inspector.sol.State() != graph.StateActive {
		t.Fatalf("the inspector shows %s", h.app.inspector.sol.StateLabel())
	}
	if got, _ := findSolution(h.app.tabs[0].(*solutionsTab).list(), s.ID); got.State() != graph.StateActive {
		t.Fatalf("the row shows %s, want Active", got.StateLabel())
	}
}

// The dashboard works against each documented body form: where Graph
// refuses the guide's empty body, the OpenAPI form goes once more.
func TestDashboardActionsUnderEachBodyRule(t *testing.T) {
	for _, rule := range []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI, sandbox.BodiesGuide} {
		t.Run(rule.String(), func(t *testing.T) {
			h := newHarnessWith(t, 120, 40, sandbox.Options{ActionBodies: rule})
			h.selectRow("Lucky Shrub storefront")
			h.press("x", "y")
			want := 1
			if rule == sandbox.BodiesOpenAPI {
				want = 2
			}
			h.wantPosts(want)
			h.wantScreen("Done: reject solution request", "it is now Inactive")
		})
	}
}

// When the read before asking fails, no dialog opens and nothing is sent.
func TestFailedReadBeforeAskingOpensNothing(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, Method: "GET", PathContains: "/" + s.ID, Times: 1})
	h.press("a")
	if h.app.dialog != nil {
		t.Fatal("a dialog opened without a read of the solution")
	}
	h.wantScreen("Nothing was sent. Reading \"Lucky Shrub storefront\" before asking failed")
	h.press("y")
	h.wantPosts(0)
	h.press("a") // the fault is spent: the key asks again
	if h.app.dialog == nil {
		t.Fatalf("the second a opened no dialog:\n%s", h.screen())
	}
}

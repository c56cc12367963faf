package ui

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/journal"
)

func TestAcceptPendingRequestThroughDialog(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("2")
	target := h.selectRow("Social OVD with Northwind")
	h.press("a")
	if h.app.dialog == nil {
		t.Fatalf("a did not open the confirm dialog:\n%s", h.screen())
	}
	h.wantScreen("Accept solution request?", target.ID, "Social Overdrive", "This cannot be undone.", "[ Cancel ]")
	if len(h.posts()) != 0 {
		t.Fatal("opening the dialog sent a POST")
	}
	h.press("y")
	posts := h.posts()
	if len(posts) != 1 || !strings.HasSuffix(posts[0].Path, "/"+target.ID+"/accept") {
		t.Fatalf("want exactly one POST to /%s/accept, got %+v", target.ID, posts)
	}
	h.wantScreen("Done: accept solution request", "it is now Active")
	// The row was updated in place: the request left Pending, and the
	// Solutions tab shows the new state.
	h.press("1")
	s, ok := findSolution(h.app.tabs[0].(*solutionsTab).list(), target.ID)
	if !ok || s.State() != graph.StateActive {
		t.Fatalf("after accepting, the solution is %v (found %v), want Active", s.StateLabel(), ok)
	}
	if h.app.tabs[1].(*pendingTab).needsUs != 3 {
		t.Fatalf("Pending still counts %d requests needing us, want 3", h.app.tabs[1].(*pendingTab).needsUs)
	}
}

func TestCancelDialogSendsNothing(t *testing.T) {
	for _, cancel := range [][]string{{"n"}, {"esc"}, {"enter"}, {"tab", "tab", "enter"}} {
		t.Run(strings.Join(cancel, "+"), func(t *testing.T) {
			h := newHarness(t, 80, 24)
			h.press("2")
			h.selectRow("Lucky Shrub storefront")
			h.press("a")
			if h.app.dialog == nil {
				t.Fatal("no dialog")
			}
			h.press(cancel...)
			if h.app.dialog != nil {
				t.Fatalf("%v left the dialog open", cancel)
			}
			if n := len(h.posts()); n != 0 {
				t.Fatalf("%v sent %d POSTs", cancel, n)
			}
			h.wantScreen("Cancelled: nothing was sent.")
		})
	}
}

func TestEnterOnFocusedConfirmSends(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("2")
	h.selectRow("Jaspers Market loyalty") // a deactivation request awaiting us
	h.press("x", "tab", "enter")
	posts := h.posts()
	if len(posts) != 1 || !strings.HasSuffix(posts[0].Path, "/reject_deactivation_request") {
		t.Fatalf("want one reject_deactivation_request POST, got %+v", posts)
	}
}

func TestRefusedActionSaysWhyAndSendsNothing(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Northwind × Jaspers Market") // we own it: only the partner accepts
	h.press("a")
	if h.app.dialog != nil {
		t.Fatal("a refused action opened the dialog")
	}
	h.wantScreen("only the invited partner can accept")
	h.selectRow("Social Brew retail") // Active, we are the partner
	h.press("D")
	h.wantScreen("only the owner can request deactivation")
	if n := len(h.posts()); n != 0 {
		t.Fatalf("refused actions sent %d POSTs", n)
	}
}

// A stale row is read again before asking: the read finds the request
// already accepted elsewhere, so no dialog opens, the reason shows, and
// every view shows the state read.
func TestStaleRowIsReadBeforeAsking(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	// Someone else accepts it first; our row is now stale.
	other := h.app.ctx.Client
	if _, err := other.PostAction(h.app.ctx.Ctx, s.ID, graph.ActionAccept); err != nil {
		t.Fatal(err)
	}
	h.press("a")
	if h.app.dialog != nil {
		t.Fatalf("a dialog opened for a request that is no longer pending:\n%s", h.screen())
	}
	if n := len(h.posts()); n != 1 {
		t.Fatalf("want only their POST, got %d", n)
	}
	h.wantScreen("only a pending request can be accepted")
	if got, _ := findSolution(h.app.tabs[0].(*solutionsTab).list(), s.ID); got.State() != graph.StateActive {
		t.Fatalf("the row shows %s, want the state read (Active)", got.StateLabel())
	}
}

func TestUnknownOutcomeIsReadAgainNotResent(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultDropAfterApply, Method: "POST", Times: 1})
	h.press("a", "y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("want exactly one POST, got %d", n)
	}
	h.wantScreen("outcome was unknown", "it is now Active", "Nothing was resent")
	got, _ := findSolution(h.app.tabs[0].(*solutionsTab).list(), s.ID)
	if got.State() != graph.StateActive {
		t.Fatalf("the row shows %s, want the state read again (Active)", got.StateLabel())
	}
}

func TestActionFromInspectorUpdatesIt(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Northwind with Lucky Shrub") // we own it and it is Active
	h.press("enter", "D")
	h.wantScreen("Request deactivation?", "Grants no permissions.")
	if strings.Contains(h.screen(), "This cannot be undone.") {
		t.Fatal("a deactivation request is not irreversible, but the dialog says so")
	}
	h.press("y")
	posts := h.posts()
	if len(posts) != 1 || !strings.HasSuffix(posts[0].Path, "/"+s.ID+"/send_deactivation_request") {
		t.Fatalf("want one send_deactivation_request POST, got %+v", posts)
	}
	if h.app.inspector == nil || h.app.inspector.sol.State() != graph.StatePendingDeactivation {
		t.Fatalf("the inspector does not show the new state:\n%s", h.screen())
	}
	h.wantScreen("a deactivation request is already waiting for the partner")
}

func TestKeyRightAfterTheDialogGoesToTheApp(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("2", "a")
	// Sent without running anything in between, as a fast typist would.
	h.app.Update(keyMsg("n"))
	h.app.Update(keyMsg("3"))
	if h.app.dialog != nil || h.app.activeTab().ID() != TabPartners {
		t.Fatalf("the key after n was lost: dialog open %v, tab %d", h.app.dialog != nil, h.app.activeTab().ID())
	}
}

func TestDialogKeepsItsButtonsOnSmallScreens(t *testing.T) {
	for _, size := range [][2]int{{50, 12}, {40, 10}, {80, 24}} {
		h := newHarness(t, size[0], size[1])
		h.press("2", "a")
		h.wantScreen("[ Cancel ]", "This cannot be undone.")
		for i, l := range strings.Split(h.screen(), "\n") {
			if w := ansiWidth(l); w > size[0] {
				t.Fatalf("%dx%d: line %d is %d wide", size[0], size[1], i, w)
			}
		}
	}
}

// Background news (a webhook reload) must not wipe the result of the
// action the user just took, but replaces it once it has been read.
func TestActionNoticeOutlivesWebhookNews(t *testing.T) {
	now := fixedNow()
	h := newHarnessAdjusted(t, 100, 30, func(cfg *Config) {
		cfg.Now = func() time.Time { return now }
	})
	h.press("2")
	h.selectRow("Social OVD with Northwind")
	h.press("a")
	h.press("y")
	h.wantScreen("Done: accept solution request")

	h.send(ReloadMsg{Tab: TabSolutions, Reason: "Webhook: partner_solutions/SOLUTION_UPDATED — reloading solutions"})
	h.wantScreen("Done: accept solution request")

	now = now.Add(noticeHold + time.Second)
	h.send(ReloadMsg{Tab: TabSolutions, Reason: "Webhook: partner_solutions/SOLUTION_UPDATED — reloading solutions"})
	h.wantScreen("Webhook: partner_solutions/SOLUTION_UPDATED")
}

// A confirmed action is in the journal before its POST and with its
// outcome after; one the journal cannot record is not sent, and the
// notice says why.
func TestDashboardActionsAreJournaled(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.press("a", "y")
	h.wantScreen("Done: accept solution request")
	entries, err := h.app.ctx.Journal.List(context.Background(), journal.Query{ObjectID: s.ID})
	if err != nil || len(entries) != 1 || entries[0].Action != "accept" || entries[0].Outcome != journal.Done ||
		entries[0].StateBefore != "Pending" || entries[0].StateAfter != "Active" || entries[0].Profile != "test" {
		t.Fatalf("the journal after accept: %+v, %v", entries, err)
	}

	h.app.ctx.Journal.Close()
	s = h.selectRow("Jaspers Market loyalty")
	before := mark(h.sb)
	h.press("x", "y")
	h.wantScreen("nothing was sent: the journal could not record the action")
	for _, r := range requestsSince(h.sb, before) {
		if r.Method == http.MethodPost {
			t.Fatalf("a POST went without a journal entry: %s %s", r.Method, r.Path)
		}
	}
}

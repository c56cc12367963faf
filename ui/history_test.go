package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"mps/graph"
	"mps/store/journal"
)

// History lists the journal newest first with each action's outcome,
// refreshed after every action the dashboard sends; enter opens the
// solution, whose inspector lists its last actions with their reasons.
func TestHistoryListsActionsWithTheirOutcomes(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.press("x", "r")
	h.typeText("not this quarter")
	h.press("enter", "y")
	h.wantScreen("Done: reject solution request")

	// A create Graph refuses: an app it does not know.
	fillCreateForm(h, "Nobody's partner", "999000111222", graph.SenderUs)
	h.wantScreen("its name could not be read")
	h.press("enter", "y")
	h.wantScreen("Nothing was created.")

	entries, err := h.app.ctx.Journal.List(context.Background(), journal.Query{})
	if err != nil || len(entries) != 2 || entries[0].Outcome != journal.Refused || entries[0].Refusal.Code == 0 {
		t.Fatalf("journal: %+v, %v", entries, err)
	}
	h.press("5")
	hist, ok := h.app.activeTab().(*historyTab)
	if !ok {
		t.Fatalf("tab 5 is %s, want History", h.app.activeTab().Title())
	}
	if hist.table.Len() != 2 {
		t.Fatalf("History lists %d entries after two actions, want 2:\n%s", hist.table.Len(), h.screen())
	}
	h.wantScreen("create", entryOutcome(entries[0]), "reject", "Pending → Inactive", "done", "Lucky Shrub storefront ("+s.ID+")")
	if !strings.HasPrefix(entryOutcome(entries[0]), "refused ") {
		t.Fatalf("a refusal reads %q, want its code", entryOutcome(entries[0]))
	}
	// Newest first: the create is on top; the refused one names no
	// solution to open.
	h.press("g", "enter")
	if h.app.inspector != nil {
		t.Fatal("enter on a create that made nothing opened an inspector")
	}
	h.press("j")
	h.wantScreen("reason: not this quarter")
	h.press("enter")
	if h.app.inspector == nil || h.app.inspector.sol.ID != s.ID {
		t.Fatalf("enter on the reject did not open its solution:\n%s", h.screen())
	}
	h.wantScreen("Last actions from mps", "reject", "“not this quarter”")
}

// watchedJournal is the test's journal, telling when a solution's
// entries are read and under which context.
type watchedJournal struct {
	journal.Journal
	started chan context.Context
}

func (w watchedJournal) List(ctx context.Context, q journal.Query) ([]journal.Entry, error) {
	if q.ObjectID != "" {
		w.started <- ctx
	}
	return w.Journal.List(ctx, q)
}

// The inspector's read of its last actions ends when the inspector closes.
func TestLeavingTheInspectorCancelsItsJournalRead(t *testing.T) {
	h := newHarness(t, 120, 40)
	started := make(chan context.Context, 4)
	h.app.ctx.Journal = watchedJournal{Journal: h.app.ctx.Journal, started: started}
	s := h.app.tabs[0].(*solutionsTab).list()[0]
	_, cmd := h.app.Update(inspectMsg{Solution: s})
	answers := runDetached(cmd)
	ctx := awaitStart(t, started, "the journal read")
	h.app.Update(keyMsg("esc"))
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatalf("after esc the read's context is %v, want it cancelled", ctx.Err())
	}
	<-answers
}

// With History's sixth tab the bar still names every tab at 60 columns:
// the tabs not in view shorten to their first letters.
func TestTabBarNamesEveryTabAt60Columns(t *testing.T) {
	h, _ := eventsHarness(t, 60, 15)
	bar := strings.SplitN(h.screen(), "\n", 2)[0]
	for i := range h.app.tabs {
		if !strings.Contains(bar, strconv.Itoa(i+1)+" ") {
			t.Fatalf("the bar lacks tab %d: %q", i+1, bar)
		}
	}
	if !strings.Contains(bar, "6 Hist") || !strings.Contains(bar, "1 Solutions (13)") {
		t.Fatalf("bar %q", bar)
	}
}

// An action sent from the inspector shows in its last actions at once.
func TestInspectorListsTheActionItSent(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Northwind with Lucky Shrub")
	h.press("enter")
	h.wantScreen("none: mps has sent nothing for this solution")
	h.press("D", "r")
	h.typeText("moving on")
	h.press("enter", "y")
	if h.app.inspector == nil {
		t.Fatal("the inspector closed after the action")
	}
	h.wantScreen("Done: request deactivation", "deactivate", "“moving on”")
	if got := len(h.app.inspector.actions.entries); got != 1 {
		t.Fatalf("the inspector lists %d actions, want 1", got)
	}
}

package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
)

// testRefresh is short, so that the harness, which runs every timer it is
// handed, never waits long for the countdown's ticks (it drops them).
const testRefresh = 50 * time.Millisecond

// refreshHarness is the harness with the periodic reload on and a clock
// the test moves (read only on the test goroutine, by Update).
type refreshHarness struct {
	*harness
	now *time.Time
}

func newRefreshHarness(t *testing.T, opts sandbox.Options) refreshHarness {
	t.Helper()
	now := fixedNow()
	h := newHarnessConfig(t, 120, 40, opts, func(_ *sandbox.Sandbox, cfg *Config) {
		cfg.Refresh = testRefresh
		cfg.Now = func() time.Time { return now }
	})
	return refreshHarness{harness: h, now: &now}
}

// listGETs are the sandbox's loads of our app's solution list (the first
// request of each, see startsListLoad).
func (h refreshHarness) listGETs() []sandbox.Request {
	var out []sandbox.Request
	for _, r := range h.sb.Requests() {
		if startsListLoad(r) && strings.HasSuffix(r.Path, "/"+sandbox.DemoAppID+"/whatsapp_business_solutions") {
			out = append(out, r)
		}
	}
	return out
}

// due moves the clock to when the periodic reload is due and returns the
// tick that says so.
func (h refreshHarness) due() refreshTickMsg {
	h.t.Helper()
	if h.app.auto.due.IsZero() {
		h.t.Fatal("no periodic reload is scheduled")
	}
	*h.now = h.app.auto.due
	return refreshTickMsg{Seq: h.app.auto.seq}
}

func TestPeriodicRefreshReadsTheSolutionListOnceAndQuietly(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{})
	h.press("2")
	target := h.selectRow("Social OVD with Northwind")
	if target.State() == graph.StateActive {
		t.Fatal("the seeded request is already active")
	}
	h.sb.SetSolutionStatus(target.ID, graph.StatusActive, "")
	h.sb.ResetRequests()

	*h.now = h.now.Add(time.Minute) // well past due; the tick still counts
	h.send(refreshTickMsg{Seq: h.app.auto.seq})

	reqs := h.sb.Requests()
	if len(reqs) != 2 || len(h.listGETs()) != 1 {
		t.Fatalf("want exactly one load of the solution list (a page of each role), got %+v", reqs)
	}
	s, ok := findSolution(h.app.tabs[0].(*solutionsTab).list(), target.ID)
	if !ok || s.State() != graph.StateActive {
		t.Fatalf("after the refresh the solution is %s (found %v), want Active", s.StateLabel(), ok)
	}
	if h.app.active != 1 || h.app.notice != "" || h.app.dialog != nil || h.app.inspector != nil {
		t.Fatalf("the refresh moved focus or spoke: tab %d, notice %q", h.app.active, h.app.notice)
	}
	h.wantScreen("refreshed 09:31:00", "next <1m")
	if want := h.now.Add(testRefresh); !h.app.auto.due.Equal(want) {
		t.Fatalf("next reload due %v, want %v (from when this one ended)", h.app.auto.due, want)
	}
}

// The cursor stays on its solution, by ID, even when the list has more
// than one page and the row stands on the second.
func TestPeriodicRefreshKeepsTheCursorOnItsSolution(t *testing.T) {
	// Enough that each role's chain has two pages.
	h := newRefreshHarness(t, sandbox.Options{Solutions: 260})
	tab := h.app.tabs[0].(*solutionsTab)
	if len(tab.list()) <= sandbox.MaxPageSize {
		t.Fatalf("%d solutions fit one page: the test needs two", len(tab.list()))
	}
	target := tab.list()[sandbox.MaxPageSize+20]
	if !tab.SelectSolution(target.ID) {
		t.Fatalf("cannot select %s", target.ID)
	}
	// A new solution sorts in ahead of it, so the row's index changes.
	h.sb.AddSolution(sandbox.SolutionSpec{Name: "Arrived meanwhile"})
	h.sb.ResetRequests()

	var rowCounts []int
	_, start := h.app.Update(h.due())
	h.runWatching(start, func(msg tea.Msg) {
		if _, ok := msg.(pageMsg[graph.Solution]); ok {
			rowCounts = append(rowCounts, tab.table.Len())
		}
	})
	if n, pages := len(h.listGETs()), len(h.sb.Requests()); n != 1 || pages != 4 {
		t.Fatalf("%d loads of the list in %d requests, want one of two pages for each role", n, pages)
	}
	if got, ok := tab.SelectedSolution(); !ok || got.ID != target.ID {
		t.Fatalf("the cursor moved from %s to %s", target.ID, got.ID)
	}
	if _, ok := findSolution(tab.list(), h.sb.Solutions()[len(h.sb.Solutions())-1].ID); !ok || len(tab.list()) != len(h.sb.Solutions()) {
		t.Fatalf("the new solution is not in the %d rows", len(tab.list()))
	}
	// The rows were swapped once, at the end, not cut to the first page.
	for _, n := range rowCounts[:len(rowCounts)-1] {
		if n != len(tab.list())-1 {
			t.Fatalf("rows while the pages arrived: %v", rowCounts)
		}
	}
}

func TestTickBeforeDueOnlyMovesTheCountdown(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{})
	h.sb.ResetRequests()
	seq := h.app.auto.seq
	h.send(refreshTickMsg{Seq: seq})
	if n := len(h.sb.Requests()); n != 0 || h.app.auto.seq != seq {
		t.Fatalf("a tick before the due time sent %d requests", n)
	}
}

func TestTickDuringALoadStartsNoSecondOne(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{})
	h.sb.ResetRequests()
	tick := h.due()
	_, first := h.app.Update(tick)
	if !h.app.ctx.Solutions.Loading() {
		t.Fatal("the due tick started no load")
	}
	loading := h.app.solSeq
	_, second := h.app.Update(tick)
	if h.app.solSeq != loading {
		t.Fatal("a tick during the load started another")
	}
	h.run(first)
	h.run(second)
	if n := len(h.listGETs()); n != 1 {
		t.Fatalf("%d GETs of the list, want one", n)
	}
}

func TestTickWhileThrottledWaitsAnotherRound(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{})
	*h.now = time.Now() // the client's throttle deadline is on the real clock
	h.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultThrottleAppLevel, Times: 1})
	if _, err := h.app.ctx.Client.Solution(context.Background(), h.sb.Solutions()[0].ID); graph.ClassOf(err) != graph.ClassThrottled {
		t.Fatalf("the fault did not throttle: %v", err)
	}
	h.app.auto.due = *h.now
	seq := h.app.auto.seq
	h.sb.ResetRequests()
	h.send(refreshTickMsg{Seq: seq})
	if n := len(h.sb.Requests()); n != 0 || h.app.ctx.Solutions.Loading() {
		t.Fatalf("a tick while throttled sent %d requests", n)
	}
	if h.app.auto.seq == seq || !h.app.auto.due.Equal(h.now.Add(testRefresh)) {
		t.Fatalf("the skipped reload was not rescheduled: due %v", h.app.auto.due)
	}
}

func TestManualReloadRestartsTheCountdownAndStalesOldTicks(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{})
	old := h.app.auto.seq
	*h.now = h.now.Add(time.Second)
	h.press("r")
	if h.app.auto.seq == old || !h.app.auto.due.Equal(h.now.Add(testRefresh)) {
		t.Fatalf("r did not restart the countdown: due %v", h.app.auto.due)
	}
	h.sb.ResetRequests()
	*h.now = h.now.Add(time.Minute)
	h.send(refreshTickMsg{Seq: old})
	if n := len(h.sb.Requests()); n != 0 {
		t.Fatalf("a stale tick sent %d requests", n)
	}
	// A webhook's reload restarts it too.
	current := h.app.auto.seq
	h.send(ReloadMsg{Tab: TabSolutions})
	if h.app.auto.seq == current {
		t.Fatal("a ReloadMsg did not restart the countdown")
	}
}

func TestPeriodicRefreshLeavesTheConfirmDialogAsItWas(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{})
	h.press("2")
	target := h.selectRow("Social OVD with Northwind")
	h.press("a")
	if h.app.dialog == nil {
		t.Fatal("no dialog")
	}
	before := h.screen()
	h.sb.SetSolutionName(target.ID, "Renamed meanwhile")
	h.send(h.due())
	if h.app.dialog == nil || h.app.dialog.req.Solution.Name != target.Name {
		t.Fatalf("the dialog changed under the refresh")
	}
	if _, ok := findSolution(h.app.tabs[0].(*solutionsTab).list(), target.ID); !ok {
		t.Fatal("the solution left the list")
	}
	if got := h.screen(); dialogPart(got) != dialogPart(before) {
		t.Fatalf("the dialog reads differently:\n%s\nwas:\n%s", got, before)
	}
}

// dialogPart is the frame without its status bar, whose times move.
func dialogPart(frame string) string {
	lines := strings.Split(frame, "\n")
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, "refreshed") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestFailedPeriodicRefreshKeepsTheRows(t *testing.T) {
	h := newRefreshHarness(t, sandbox.Options{})
	tab := h.app.tabs[0].(*solutionsTab)
	rows := len(tab.list())
	h.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, PathContains: "/whatsapp_business_solutions", Times: 1})
	h.send(h.due())
	if len(tab.list()) != rows {
		t.Fatalf("rows %d after a failed refresh, want %d", len(tab.list()), rows)
	}
	h.wantScreen("Loading solutions")
	if h.app.auto.due.IsZero() || h.app.ctx.Solutions.Loading() {
		t.Fatal("no reload scheduled after the failure")
	}
}

func TestRefreshOffSchedulesNothing(t *testing.T) {
	h := newHarness(t, 120, 40)
	if !h.app.auto.due.IsZero() || countdownShown.MatchString(h.screen()) {
		t.Fatalf("the refresh is off, yet one is due %v:\n%s", h.app.auto.due, h.screen())
	}
}

var countdownShown = regexp.MustCompile(`(next |↻)(<1|[0-9]+)m`)

func TestCountdownText(t *testing.T) {
	for left, want := range map[time.Duration]string{
		5 * time.Minute:                "next 5m",
		4*time.Minute + time.Second:    "next 5m",
		4 * time.Minute:                "next 4m",
		time.Minute + time.Millisecond: "next 2m",
		time.Minute:                    "next <1m",
		0:                              "next <1m",
		-time.Second:                   "next <1m",
	} {
		if got := countdownText(left, false); got != want {
			t.Errorf("countdownText(%v) = %q, want %q", left, got, want)
		}
		if got, want := countdownText(left, true), strings.Replace(want, "next ", "↻", 1); got != want {
			t.Errorf("short countdownText(%v) = %q, want %q", left, got, want)
		}
	}
}

func TestCountdownWakesWhenItsTextChanges(t *testing.T) {
	now := fixedNow()
	r := autoRefresh{every: 5 * time.Minute, due: now.Add(4*time.Minute + 30*time.Second)}
	for _, c := range []struct {
		at   time.Time
		want time.Duration
	}{
		{now, 30 * time.Second},
		{now.Add(30 * time.Second), time.Minute},
		{now.Add(3*time.Minute + 50*time.Second), 40 * time.Second},
		{r.due, 0},
	} {
		if got := r.untilNextChange(c.at); got != c.want {
			t.Errorf("at %v: wake in %v, want %v", c.at.Sub(now), got, c.want)
		}
	}
}

// The countdown shows at 80 columns: with the labels when they leave room
// (the demo), else with the short values; it goes when even they do not.
func TestStatusBarCountdownFitsOrGoes(t *testing.T) {
	h := newHarness(t, 80, 24)
	c := h.app.ctx
	b := statusBar{lastRefresh: fixedNow(), nextRefresh: fixedNow().Add(4*time.Minute + 10*time.Second)}
	demo := *c
	demo.Demo = true
	if got := stripped(b.View(&demo, 80)); !strings.Contains(got, "app 730114402298741 │ v25.0 │ usage low │ refreshed 09:30:00 │ next 5m") {
		t.Fatalf("demo status bar at 80 columns: %q", got)
	}
	gauged := b
	gauged.notes = []string{"onboarded 40/200 this week"}
	if got := stripped(gauged.View(&demo, 80)); !strings.Contains(got, "│onboarded 40/200 this week│09:30:00│↻5m") {
		t.Fatalf("demo status bar with the onboarding gauge at 80 columns: %q", got)
	}
	profile := *c
	profile.Profile = "default"
	if got := stripped(b.View(&profile, 80)); !strings.Contains(got, " default│730114402298741│v25.0│usage low│09:30:00│↻5m") {
		t.Fatalf("status bar of a profile at 80 columns: %q", got)
	}
	if got := stripped(b.View(&profile, 51)); countdownShown.MatchString(got) || !strings.Contains(got, "│09:30:00") {
		t.Fatalf("the countdown did not give way at 51 columns: %q", got)
	}
	b.nextRefresh = time.Time{}
	if got := stripped(b.View(&profile, 80)); countdownShown.MatchString(got) || !strings.Contains(got, "profile default │") {
		t.Fatalf("status bar with the refresh off: %q", got)
	}
}

// A manual reload shows its pages as they come, so the first page replaces
// the rows; the cursor still ends on its solution when a later page brings
// it back.
func TestManualReloadKeepsTheCursorOnASolutionPastTheFirstPage(t *testing.T) {
	h := newHarnessWith(t, 120, 40, sandbox.Options{Solutions: 150})
	tab := h.app.tabs[0].(*solutionsTab)
	target := tab.list()[sandbox.MaxPageSize+20]
	if !tab.SelectSolution(target.ID) {
		t.Fatalf("cannot select %s", target.ID)
	}
	h.press("r")
	if got, ok := tab.SelectedSolution(); !ok || got.ID != target.ID {
		t.Fatalf("after r the cursor is on %s, want %s", got.ID, target.ID)
	}
}

package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
)

func TestExpiredTokenKeepsRowsAndSaysHowToLogIn(t *testing.T) {
	h := newHarness(t, 120, 40)
	tab := h.app.tabs[0].(*solutionsTab)
	h.press("j", "j")
	before, _ := tab.SelectedSolution()
	h.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken})
	h.press("r")
	h.wantScreen("mps login", "MPS_TOKEN", "code 190")
	if tab.table.Len() != 13 {
		t.Fatalf("rows after the expired token: %d, want the 13 kept", tab.table.Len())
	}
	if after, _ := tab.SelectedSolution(); after.ID != before.ID {
		t.Fatalf("the cursor moved from %s to %s", before.Name, after.Name)
	}
	// Once the token works again, r loads again.
	h.sb.ClearFaults()
	h.press("r")
	h.wantScreenLacks("mps login", "the login hint stayed after a good refresh")
}

func TestStalePagesAreDropped(t *testing.T) {
	h := newHarness(t, 120, 40)
	tab := h.app.tabs[0].(*solutionsTab)
	stale := pageMsg[graph.Solution]{
		Origin: Origin{Tab: TabSolutions, Seq: h.app.solSeq - 1},
		Items:  []graph.Solution{{ID: "999", Name: "stale", Status: graph.StatusActive}},
		Done:   true,
	}
	h.send(stale)
	if tab.table.Len() != 13 {
		t.Fatalf("a stale page changed the rows: %d", tab.table.Len())
	}
	staleWABA := pageMsg[graph.WABA]{Origin: Origin{Tab: TabCustomers, Seq: 0}, Items: []graph.WABA{{ID: "1"}}, Done: true}
	h.send(staleWABA)
	if got := h.app.tabs[3].(*customersTab).loaded(); got != 320 {
		t.Fatalf("a stale WABA page changed the count to %d", got)
	}
}

func TestFirstFrameShowsLoadingBeforeAnyResult(t *testing.T) {
	h := newHarness(t, 80, 24)
	fresh := NewApp(h.app.ctx.Config)
	fresh.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	cmd := fresh.Init() // started, never run: no result has arrived
	if cmd == nil {
		t.Fatal("Init started no loads")
	}
	screen := stripped(fresh.Render())
	for _, want := range []string{"Loading solutions…", "loading", "not refreshed yet"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("first frame lacks %q:\n%s", want, screen)
		}
	}
	fresh.Update(keyMsg("4"))
	if screen := stripped(fresh.Render()); !strings.Contains(screen, "loaded 0 of ≥0…") {
		t.Fatalf("Customers shows no progress while loading:\n%s", screen)
	}
}

func TestEmptyCustomersSaysSo(t *testing.T) {
	h := newHarnessWith(t, 80, 24, sandbox.Options{WABAs: -1})
	h.press("4")
	h.wantScreen("0 WABAs", "No onboarded customers")
}

func TestThrottleCountdownInStatusBar(t *testing.T) {
	now := fixedNow()
	b := statusBar{usage: graph.Usage{ThrottledUntil: now.Add(90 * time.Second), App: &graph.AppUsage{CallCount: 100}}}
	if got := b.usageText(now); got != "throttled, 1m30s left" {
		t.Fatalf("usage text while throttled: %q", got)
	}
	b.usage.ThrottledUntil = time.Time{}
	b.usage.BusinessUseCase = map[string][]graph.BUCUsage{"1": {{CallCount: 12, TotalTime: 40}}}
	if got := b.usageText(now); got != "usage 100%" {
		t.Fatalf("usage text: %q", got)
	}
	b.usage.App = nil
	if got := b.usageText(now); got != "usage 40%" {
		t.Fatalf("usage text from the business use case header: %q", got)
	}
}

func TestThrottledLoadWaitsAsGraphSays(t *testing.T) {
	h := newHarness(t, 80, 24)
	if _, ok := throttleWait(h.app.ctx, &graph.Error{Code: 190, Subcode: 463}); ok {
		t.Fatal("an auth error was treated as a throttle")
	}
	wait, ok := throttleWait(h.app.ctx, &graph.Error{Code: 80008})
	if !ok || wait != throttleFallback {
		t.Fatalf("a throttle without a wait: %v %v, want the fallback", wait, ok)
	}
	if cmd := resumeAfterThrottle(h.app.ctx, &graph.Error{Code: 4}, TabSolutions); cmd == nil {
		t.Fatal("a throttled load does not resume")
	}
	if cmd := resumeAfterThrottle(h.app.ctx, &graph.Error{Code: 100}, TabSolutions); cmd != nil {
		t.Fatal("an invalid request would be retried")
	}
}

func TestTabsLoadConcurrentlyAndPageByPage(t *testing.T) {
	const latency = 150 * time.Millisecond
	h := newHarnessWith(t, 120, 40, sandbox.Options{Latency: latency})
	// The two lists' first requests went out together, not one after the other.
	var firstSolutions, firstWABAs time.Time
	for _, r := range h.sb.Requests() {
		switch {
		case strings.HasSuffix(r.Path, "/whatsapp_business_solutions") && firstSolutions.IsZero():
			firstSolutions = r.At
		case strings.HasSuffix(r.Path, "/client_whatsapp_business_accounts") && firstWABAs.IsZero():
			firstWABAs = r.At
		}
	}
	if gap := firstWABAs.Sub(firstSolutions).Abs(); gap >= latency {
		t.Fatalf("the first requests of the two lists were %v apart: they did not start together", gap)
	}

	// A refresh shows the customers page by page, with progress.
	h.press("4")
	tab := h.app.tabs[3].(*customersTab)
	var seen []int
	var progress []string
	h.runWatching(tab.Refresh(), func(msg tea.Msg) {
		if _, ok := msg.(pageMsg[graph.WABA]); ok {
			seen = append(seen, tab.loaded())
			progress = append(progress, tab.progress())
		}
	})
	if want := []int{100, 200, 300, 320}; fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Fatalf("rows arrived as %v, want page by page %v", seen, want)
	}
	if progress[2] != "loaded 300 of ≥300…" || progress[3] != "320 WABAs" {
		t.Fatalf("progress read %q", progress)
	}
}

func TestMissingIDsSayHowToSetThem(t *testing.T) {
	h := newHarness(t, 120, 40)
	cfg := h.app.ctx.Config
	cfg.AppID, cfg.BusinessID = "", ""
	h.app = NewApp(cfg)
	h.resize(120, 40)
	before := len(h.sb.Requests())
	h.run(h.app.Init())
	h.wantScreen("no app ID is set: pass --app-id or set MPS_APP_ID")
	h.press("4")
	h.wantScreen("no business ID is set: pass --business-id or set MPS_BUSINESS_ID")
	if n := len(h.sb.Requests()) - before; n != 0 {
		t.Fatalf("%d requests went out without the IDs", n)
	}
}

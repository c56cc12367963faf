package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/graphtest"
)

func TestTabsLoadAndSwitch(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.wantScreen("1 Solutions (13)", "Social OVD with Northwind", "◆ Pending 3")

	steps := []struct {
		keys []string
		want TabID
		text string
	}{
		{[]string{"2"}, TabPending, "Needs us (4)"},
		{[]string{"tab"}, TabPartners, "Lucky Shrub"},
		{[]string{"tab"}, TabCustomers, "320 WABAs"},
		{[]string{"tab"}, TabSolutions, "showing 13 of 13"},
		{[]string{"shift+tab"}, TabCustomers, "all partner businesses"},
		{[]string{"3"}, TabPartners, "Solutions by state"},
		{[]string{"1"}, TabSolutions, "Messaging"},
	}
	for _, s := range steps {
		h.press(s.keys...)
		if got := h.app.activeTab().ID(); got != s.want {
			t.Fatalf("after %v the active tab is %d, want %d", s.keys, got, s.want)
		}
		h.wantScreen(s.text)
	}

	// A click on the tab bar label of the fourth tab switches to it.
	x := strings.Index(h.screen(), "4 Customers")
	h.send(tea.MouseClickMsg{X: x + 1, Y: 0, Button: tea.MouseLeft})
	if h.app.activeTab().ID() != TabCustomers {
		t.Fatalf("click on the tab bar did not switch tabs")
	}
}

func TestFilters(t *testing.T) {
	h := newHarness(t, 120, 40)
	tab := h.app.tabs[0].(*solutionsTab)

	h.press("/")
	h.typeText("lucky")
	if got := tab.table.VisibleLen(); got != 4 {
		t.Fatalf("text filter 'lucky' shows %d rows, want 4:\n%s", got, h.screen())
	}
	h.press("enter")
	h.wantScreen("filter: lucky")
	h.press("esc")
	if got := tab.table.VisibleLen(); got != 13 {
		t.Fatalf("esc left %d rows, want all 13", got)
	}

	h.press("s") // the first state: Pending
	if got := tab.table.VisibleLen(); got != 3 {
		t.Fatalf("state filter Pending shows %d rows, want 3", got)
	}
	h.wantScreen("state: Pending (s)")
	h.press("o") // owner
	if got := tab.table.VisibleLen(); got != 1 {
		t.Fatalf("Pending + owner shows %d rows, want 1:\n%s", got, h.screen())
	}
	if s, _ := tab.SelectedSolution(); s.Name != "Northwind × Jaspers Market" {
		t.Fatalf("Pending + owner selected %q", s.Name)
	}
	h.press("o", "o") // back to every role
	for range stateChoices() {
		h.press("s")
	}
	if got := tab.table.VisibleLen(); got != 13 {
		t.Fatalf("cycling the filters back shows %d rows, want 13", got)
	}
}

func TestInspectorShowsSidesPermissionsAndReasons(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Lucky Shrub storefront")
	h.press("enter")
	if h.app.inspector == nil {
		t.Fatal("enter did not open the inspector")
	}
	h.wantScreen(
		"Solution Lucky Shrub storefront",
		"Our role      partner",
		"Owner app     Lucky Shrub (21202248997039)",
		"https://www.facebook.com/games/?app_id=21202248997039",
		"row status  NOTIFICATION_SENT",
		"MANAGE_BILLING", "manage billing and the credit line",
		"(one side only)",
		"✓ a  Accept solution request",
		"only the owner can request deactivation",
	)
	// Exactly one read of the solution went out for the inspector.
	reads := 0
	for _, r := range h.sb.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/"+h.app.inspector.sol.ID) {
			reads++
		}
	}
	if reads != 1 {
		t.Fatalf("the inspector read the solution %d times, want 1", reads)
	}
	h.press("esc")
	if h.app.inspector != nil {
		t.Fatal("esc did not close the inspector")
	}
}

func TestInspectorShowsUnknownPermissionAsSent(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Northwind Flows beta with Social Overdrive")
	h.press("enter")
	h.wantScreen("MANAGE_FLOWS_BETA", "not known to mps; shown as sent")
}

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
	s, ok := findSolution(h.app.tabs[0].(*solutionsTab).all, target.ID)
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

func TestGraphRefusalShowsCodeAndTrace(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	// Someone else accepts it first; our row is now stale.
	other := h.app.ctx.Client
	if _, err := other.Do(h.app.ctx.Ctx, s.ID, graph.ActionAccept); err != nil {
		t.Fatal(err)
	}
	h.press("a", "y")
	if n := len(h.posts()); n != 2 {
		t.Fatalf("want 2 POSTs (theirs and ours), got %d", n)
	}
	h.wantScreen("code ", "fbtrace_id ")
}

func TestUnknownOutcomeIsReadAgainNotResent(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	h.sb.AddFault(graphtest.Fault{Kind: graphtest.FaultDropAfterApply, Method: "POST", Times: 1})
	h.press("a", "y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("want exactly one POST, got %d", n)
	}
	h.wantScreen("outcome was unknown", "it is now Active", "Nothing was resent")
	got, _ := findSolution(h.app.tabs[0].(*solutionsTab).all, s.ID)
	if got.State() != graph.StateActive {
		t.Fatalf("the row shows %s, want the state read again (Active)", got.StateLabel())
	}
}

func TestExpiredTokenKeepsRowsAndSaysHowToLogIn(t *testing.T) {
	h := newHarness(t, 120, 40)
	tab := h.app.tabs[0].(*solutionsTab)
	h.press("j", "j")
	before, _ := tab.SelectedSolution()
	h.sb.AddFault(graphtest.Fault{Kind: graphtest.FaultExpiredToken})
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
	if strings.Contains(h.screen(), "mps login") {
		t.Fatalf("the login hint stayed after a good refresh:\n%s", h.screen())
	}
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
	if got := h.app.tabs[3].(*customersTab).loaded; got != 320 {
		t.Fatalf("a stale WABA page changed the count to %d", got)
	}
}

func TestCustomersFilterAndJumpToSolution(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("4")
	h.wantScreen("320 WABAs", "all partner businesses")
	h.press("p")
	first := graphtest.DemoPartnerBusinessIDs()[0]
	h.wantScreen("partner business " + first)
	tab := h.app.tabs[3].(*customersTab)
	if tab.loaded == 0 || tab.loaded >= 320 {
		t.Fatalf("filtered to one partner business, %d WABAs loaded", tab.loaded)
	}
	h.press("enter")
	h.wantScreen("Solutions that onboarded")
	if tab.sols.Len() == 0 {
		t.Fatalf("the WABA lists no solutions:\n%s", h.screen())
	}
	h.press("enter")
	if h.app.inspector == nil || h.app.activeTab().ID() != TabSolutions {
		t.Fatalf("enter on the WABA's solution did not open it on the Solutions tab")
	}
	h.wantScreen("Permissions", "Actions")
}

func TestPartnersTabReadsPartnerRows(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("3", "enter", "enter")
	h.wantScreen("/partners rows of", "status ")
	var partnerReads int
	for _, r := range h.sb.Requests() {
		if strings.HasSuffix(r.Path, "/partners") {
			partnerReads++
		}
	}
	if partnerReads != 1 {
		t.Fatalf("want one /partners read, got %d", partnerReads)
	}
}

func TestResizeKeepsFrameExact(t *testing.T) {
	h := newHarness(t, 120, 40)
	for _, size := range [][2]int{{80, 24}, {60, 15}, {200, 50}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, tabKey := range []string{"1", "2", "3", "4"} {
			h.press(tabKey)
			lines := strings.Split(h.screen(), "\n")
			if len(lines) != size[1] {
				t.Fatalf("%dx%d tab %s: %d lines", size[0], size[1], tabKey, len(lines))
			}
			for i, l := range lines {
				if w := ansiWidth(l); w > size[0] {
					t.Fatalf("%dx%d tab %s line %d is %d wide: %q", size[0], size[1], tabKey, i, w, l)
				}
			}
		}
	}
}

func TestHostileNamesAreDrawnInert(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.sb.CreateIncomingRequest("Evil\x1b]0;pwned\x07\x1b[2J\r\nName")
	h.sb.CreateIncomingRequest("\u202eطلب شريك جديد " + strings.Repeat("very long name ", 40))
	h.press("r")
	for _, keys := range [][]string{{"1"}, {"2"}, {"3"}, {"2", "enter"}, {"esc", "a"}} {
		h.press(keys...)
		s := h.app.Render()
		for _, bad := range []string{"\x1b]0;", "\x07", "\x1b[2J", "\r", "\u202e"} {
			if strings.Contains(s, bad) {
				t.Fatalf("after %v the frame carries %q from a server name", keys, bad)
			}
		}
		lines := strings.Split(stripped(s), "\n")
		if len(lines) != 24 {
			t.Fatalf("after %v the frame has %d lines", keys, len(lines))
		}
		for i, l := range lines {
			if w := ansiWidth(l); w > 80 {
				t.Fatalf("after %v line %d is %d wide", keys, i, w)
			}
		}
	}
	h.press("esc", "1")
	h.wantScreen("Evil", "طلب شريك جديد")
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		h := newHarness(t, 80, 24)
		_, cmd := h.app.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s returned no command", k)
		}
		if !containsQuit(cmd()) {
			t.Fatalf("%s did not quit", k)
		}
	}
}

func containsQuit(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil && containsQuit(c()) {
				return true
			}
		}
	}
	return false
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
	h := newHarnessWith(t, 80, 24, graphtest.Options{WABAs: -1})
	h.press("4")
	h.wantScreen("0 WABAs", "No onboarded customers")
}

func TestMouseWheelMovesTheCursor(t *testing.T) {
	h := newHarness(t, 120, 40)
	tab := h.app.tabs[0].(*solutionsTab)
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if tab.table.Cursor() == 0 {
		t.Fatal("the wheel did not move the cursor")
	}
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if tab.table.Cursor() != 0 {
		t.Fatalf("wheel up left the cursor at %d", tab.table.Cursor())
	}
	// A click on the third data row selects it (tab bar, two header lines,
	// the table's header, then rows).
	h.send(tea.MouseClickMsg{X: 5, Y: bodyTop + solutionsHeader + 1 + 2, Button: tea.MouseLeft})
	if tab.table.Cursor() != 2 {
		t.Fatalf("the click selected row %d, want 2", tab.table.Cursor())
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

func TestHelpListsEveryKeyAndCloses(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.wantScreen("? help", "q quit", "s state filter") // the short help line
	h.press("?")
	h.wantScreen("Keys —", "shift+tab", "1-4", "pgup", "pgdn", "g    first", "G    last",
		"/ filter", "s state filter", "o role filter", "r refresh",
		"a accept", "x reject", "D request deactivation", "esc", "enter")
	h.press("esc")
	if h.app.fullHelp || strings.Contains(h.screen(), "Keys —") {
		t.Fatal("esc did not close the help")
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

func TestTabKeysLeaveTheInspector(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("enter")
	if h.app.inspector == nil {
		t.Fatal("no inspector")
	}
	h.press("4")
	if h.app.inspector != nil || h.app.activeTab().ID() != TabCustomers {
		t.Fatal("4 in the inspector did not go to the Customers tab")
	}
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

func TestTabsLoadConcurrentlyAndPageByPage(t *testing.T) {
	const latency = 150 * time.Millisecond
	h := newHarnessWith(t, 120, 40, graphtest.Options{Latency: latency})
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
			seen = append(seen, tab.loaded)
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

func TestMovementKeys(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("4")
	tab := h.app.tabs[3].(*customersTab)
	h.send(tea.KeyPressMsg{Code: tea.KeyPgDown})
	page := tab.wabas.Cursor()
	if page < 5 {
		t.Fatalf("pgdn moved to %d", page)
	}
	h.send(tea.KeyPressMsg{Code: tea.KeyPgUp})
	if tab.wabas.Cursor() != 0 {
		t.Fatalf("pgup came back to %d", tab.wabas.Cursor())
	}
	h.press("G")
	if tab.wabas.Cursor() != 319 {
		t.Fatalf("G went to %d, want the last row 319", tab.wabas.Cursor())
	}
	h.press("k", "k", "up")
	if tab.wabas.Cursor() != 316 {
		t.Fatalf("k k up went to %d", tab.wabas.Cursor())
	}
	h.press("g", "j", "down")
	if tab.wabas.Cursor() != 2 {
		t.Fatalf("g j down went to %d", tab.wabas.Cursor())
	}
}

func TestMissingIDsSayHowToSetThem(t *testing.T) {
	h := newHarness(t, 120, 40)
	cfg := h.app.ctx.Config
	cfg.AppID, cfg.BusinessID = "", ""
	h.app = NewApp(cfg)
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	before := len(h.sb.Requests())
	h.run(h.app.Init())
	h.wantScreen("no app ID is set: pass --app-id or set MPS_APP_ID")
	h.press("4")
	h.wantScreen("no business ID is set: pass --business-id or set MPS_BUSINESS_ID")
	if n := len(h.sb.Requests()) - before; n != 0 {
		t.Fatalf("%d requests went out without the IDs", n)
	}
}

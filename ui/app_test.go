package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
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
		{[]string{"tab"}, TabHistory, "No actions yet"},
		{[]string{"tab"}, TabSolutions, "showing 13 of 13"},
		{[]string{"shift+tab", "shift+tab"}, TabCustomers, "all partner businesses"},
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
	h.press("o", "o")               // back to every role
	for range graph.KnownStates() { // Other has no rows, so the cycle skips it
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

func TestCustomersFilterAndJumpToSolution(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("4")
	h.wantScreen("320 WABAs", "all partner businesses")
	h.press("p")
	first := sandbox.DemoPartnerBusinessIDs()[0]
	h.wantScreen("partner business " + first)
	tab := h.app.tabs[3].(*customersTab)
	if tab.loaded() == 0 || tab.loaded() >= 320 {
		t.Fatalf("filtered to one partner business, %d WABAs loaded", tab.loaded())
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
	if h.app.inspector == nil {
		t.Fatalf("enter on a partner's solution opened no inspector:\n%s", h.screen())
	}
	h.press("esc")
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
		h.resize(size[0], size[1])
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

func TestHelpListsEveryKeyAndCloses(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.wantScreen("? help", "q quit", "s state filter") // the short help line
	h.press("?")
	h.wantScreen("Keys —", "shift+tab", "1-5", "pgup", "n     new solution", "pgdn", "g    first", "G    last",
		"/      filter", "s     state filter", "o     role filter", "r      refresh",
		"a     accept", "x     reject", "D     request deactivation", "enter")
	h.press("esc")
	if h.app.fullHelp || strings.Contains(h.screen(), "Keys —") {
		t.Fatal("esc did not close the help")
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

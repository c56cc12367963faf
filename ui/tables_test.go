package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/ui/table"
)

// TestTextFilterMatchesIDs types a solution's ID on Solutions, where the ID
// is a column, and on Pending, where it is not shown.
func TestTextFilterMatchesIDs(t *testing.T) {
	h := newHarness(t, 80, 24)
	want := h.app.tabs[0].(*solutionsTab).list()[1] // a pending solution
	for _, tab := range []struct {
		key   string
		table func() table.Model
	}{
		{"1", func() table.Model { return h.app.tabs[0].(*solutionsTab).table }},
		{"2", func() table.Model { return h.app.tabs[1].(*pendingTab).table }},
	} {
		h.press(tab.key, "/")
		h.typeText(want.ID)
		h.press("enter")
		tbl := tab.table()
		r, ok := tbl.Selected()
		if tbl.VisibleLen() != 1 || !ok || r.ID != want.ID {
			t.Fatalf("tab %s: filter by ID %s shows %d rows (selected %q):\n%s", tab.key, want.ID, tbl.VisibleLen(), r.ID, h.screen())
		}
		h.press("esc")
	}
}

// TestStateFilterCyclesBothWays: S goes back through the states as s goes
// forward, and Other is skipped while no solution has an unknown state.
func TestStateFilterCyclesBothWays(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("S") // back from "all": the last known state, Other has no rows
	last := graph.KnownStates()[len(graph.KnownStates())-1]
	h.wantScreen("state: " + last.String() + " (s)")
	h.press("s") // forward again, past Other to all
	h.wantScreen("state: all (s)")
	h.press("O")
	h.wantScreen("role: partner (o)")
	h.press("o")
	h.wantScreen("role: all (o)")
}

// TestSolutionsSortByName: > sorts by the first column, ~ reverses it, and
// the header marks the direction; < back past it restores today's order.
func TestSolutionsSortByName(t *testing.T) {
	h := newHarness(t, 120, 40)
	tab := h.app.tabs[0].(*solutionsTab)
	names := make([]string, 0, len(tab.list()))
	for _, s := range tab.list() {
		names = append(names, s.Name)
	}
	first := func() string { r, _ := tab.table.Selected(); return r.Cells[0] }
	h.press(">", "g")
	if got, want := first(), slices.Min(names); got != want {
		t.Fatalf("sorted by name, the first row is %q, want %q", got, want)
	}
	h.wantScreen("Name ▲")
	h.press("~", "g")
	if got, want := first(), slices.Max(names); got != want {
		t.Fatalf("reversed, the first row is %q, want %q", got, want)
	}
	h.wantScreen("Name ▼")
	h.press("<", "g")
	if got := first(); got != names[0] {
		t.Fatalf("unsorted, the first row is %q, want today's first %q", got, names[0])
	}
}

// TestJumpOpensAnythingByID: : then an ID opens a loaded solution, WABA or
// partner app from any tab; an ID no list holds is read from Graph; a
// wrong one says so.
func TestJumpOpensAnythingByID(t *testing.T) {
	h := newHarness(t, 120, 40)
	jump := func(id string) {
		h.t.Helper()
		h.press(":")
		h.typeText(id)
		h.press("enter")
	}
	sol := h.sb.Solutions()[3]
	h.press("5") // from Events
	jump(sol.ID)
	if h.app.inspector == nil || h.app.inspector.sol.ID != sol.ID {
		t.Fatalf("jump to solution %s did not open it:\n%s", sol.ID, h.screen())
	}

	h.press("4") // let Customers load
	waba := h.sb.WABAs()[5]
	h.press("1")
	jump(waba.ID)
	if r, ok := h.app.customers().wabas.Selected(); h.app.activeTab().ID() != TabCustomers || !ok || r.ID != waba.ID {
		t.Fatalf("jump to WABA %s: tab %s, selected %q", waba.ID, h.app.activeTab().Title(), r.ID)
	}

	h.press("3", "G")
	partners := h.app.activeTab().(*partnersTab)
	last, _ := partners.apps.Selected()
	h.press("g", "1")
	if first, _ := partners.apps.Selected(); first.ID == last.ID {
		t.Fatal("the Partners tab needs two apps for this test")
	}
	jump(last.ID)
	if r, _ := partners.apps.Selected(); h.app.activeTab().ID() != TabPartners || r.ID != last.ID {
		t.Fatalf("jump to partner app %s: tab %s, selected %q", last.ID, h.app.activeTab().Title(), r.ID)
	}

	unloaded := h.sb.AddSolution(sandbox.SolutionSpec{Name: "Not loaded yet", Status: "ACTIVE"})
	jump(unloaded)
	if h.app.inspector == nil || h.app.inspector.sol.ID != unloaded {
		t.Fatalf("jump to an unloaded solution %s did not read and open it:\n%s", unloaded, h.screen())
	}
	h.press("esc")

	h.press("5")
	jump("12345")
	h.wantScreen("No solution, WABA or partner app has the ID 12345")
	jump("northwind")
	h.wantScreen("“northwind” is not an ID")
}

// TestEventColumnKeepsAddedOrRemovedWhenNarrow: at 80 and 60 columns the
// Events tab shows PARTNER_ADDED whole, not "account_update/PART…".
func TestEventColumnKeepsAddedOrRemovedWhenNarrow(t *testing.T) {
	h, _ := logHarness(t, sandbox.Options{}, guideEvents(t, fixedNow(), "guide_account_update_partner_added.json")...)
	_, pos := h.eventsTab()
	for _, width := range []int{80, 60} {
		h.resize(width, 24)
		h.press(strconv.Itoa(pos + 1))
		h.tick()
		if row := lineWith(h.screen(), "PARTNER_ADDED"); !strings.Contains(row, "PARTNER_ADDED ") {
			t.Fatalf("at %d columns the event is cut:\n%s", width, h.screen())
		}
	}
}

// TestInspectorReasonsWrapIndented: at 60 columns a reason that wraps goes
// on under its start, not at column 0.
func TestInspectorReasonsWrapIndented(t *testing.T) {
	h := newHarness(t, 60, 40)
	h.selectRow("Social OVD with Northwind")
	h.press("enter", "G")
	screen := h.screen()
	if !strings.Contains(screen, "✗    Request deactivation") {
		t.Fatalf("no disallowed action shown:\n%s", screen)
	}
	for _, line := range strings.Split(screen, "\n") {
		if strings.HasPrefix(line, "deactivation") {
			t.Fatalf("a wrapped reason restarts at column 0: %q\n%s", line, screen)
		}
	}
	if !strings.Contains(screen, "\n       deactivation") {
		t.Fatalf("the wrapped reason is not indented under its start:\n%s", screen)
	}
}

// Pending sorts too, within its sections: "Needs us" stays first with its
// own rows, "Awaits partner" after it with its own.
func TestPendingSortsWithinItsSections(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("2", ">") // by the name
	screen := h.screen()
	needs, awaits := strings.Index(screen, "Needs us"), strings.Index(screen, "Awaits partner")
	if needs < 0 || awaits < needs {
		t.Fatalf("the sections moved:\n%s", screen)
	}
	// By name within "Needs us": Lucky Shrub … before Social OVD …, the
	// other way round from the ID order it had.
	social, lucky := strings.Index(screen, "Social OVD with Northwind"), strings.Index(screen, "Lucky Shrub storefront")
	if !(needs < lucky && lucky < social && social < awaits) {
		t.Fatalf("Needs us is not sorted by name within its section:\n%s", screen)
	}
	if !strings.Contains(screen, "▲") {
		t.Errorf("the header does not mark the sort:\n%s", screen)
	}
}

package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/store/eventlog"
)

// wantCopied presses y and expects exactly id on the clipboard, and the
// notice saying so.
func (h *harness) wantCopied(what, id string) {
	h.t.Helper()
	if got, ok := clipboardText(h.pressFor("y")); !ok || got != id {
		h.t.Fatalf("y put %q on the clipboard (%v), want %s:\n%s", got, ok, id, h.screen())
	}
	h.wantScreen("Copied " + what + " ID " + id + " to the clipboard.")
}

// wantNothingCopied presses y and expects no clipboard write, and the notice.
func (h *harness) wantNothingCopied(notice string) {
	h.t.Helper()
	if msg := h.pressFor("y"); msg != nil {
		h.t.Fatalf("y with nothing to copy gave %#v, want no command", msg)
	}
	h.wantScreen(notice)
}

// sandboxID is the ID the sandbox gave the solution with this name.
func sandboxID(t testing.TB, sb *sandbox.Sandbox, name string) string {
	t.Helper()
	list := sb.Solutions()
	i := slices.IndexFunc(list, func(s graph.Solution) bool { return s.Name == name })
	if i < 0 {
		t.Fatalf("the sandbox has no solution named %q", name)
	}
	return list[i].ID
}

func TestCopySolutionOnSolutionsAndPending(t *testing.T) {
	h := newHarness(t, 120, 40)
	id := h.sb.AddSolution(sandbox.SolutionSpec{Name: "Copy me", Status: "ACTIVE"})
	h.press("r")
	h.selectRow("Copy me")
	h.wantCopied("solution", id)

	h.press("2")
	h.selectRow("Social OVD with Northwind")
	h.wantCopied("solution", sandboxID(t, h.sb, "Social OVD with Northwind"))
}

func TestCopyInInspector(t *testing.T) {
	h := newHarness(t, 120, 40)
	want := sandboxID(t, h.sb, "Lucky Shrub storefront")
	h.selectRow("Lucky Shrub storefront")
	h.press("enter")
	h.wantScreen("Solution Lucky Shrub storefront", "ID            "+want)
	// The list underneath may move (a reload can); the inspected one counts.
	h.app.tabs[0].(*solutionsTab).table.MoveBy(1)
	h.wantCopied("solution", want)
}

func TestCopyOnPartnersCopiesTheFocusedTable(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("3")
	tab := h.app.activeTab().(*partnersTab)
	for range 20 {
		if r, _ := tab.apps.Selected(); r.Cells[0] == "Lucky Shrub" {
			break
		}
		h.press("j")
	}
	h.wantCopied("partner app", "21202248997039") // Lucky Shrub's app in the seed

	h.press("enter", "j") // into the app's solutions, the second one
	r, ok := tab.sols.Selected()
	if !ok {
		t.Fatalf("Lucky Shrub lists no solutions:\n%s", h.screen())
	}
	h.wantCopied("solution", sandboxID(t, h.sb, r.Cells[0]))
}

func TestCopyOnCustomers(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("4", "j")
	waba := h.sb.WABAs()[1]
	h.wantCopied("WABA", waba.ID)

	h.press("enter")
	ids, _ := h.sb.WABASolutionIDs(waba.ID)
	if len(ids) == 0 {
		t.Fatalf("the sandbox's WABA %s has no solutions", waba.ID)
	}
	h.wantScreen("Solutions that onboarded")
	h.wantCopied("solution", ids[0])
}

// On the Events tab y copies what enter would open: the solution an event
// names, else its WABA. The IDs are those of the example payloads.
func TestCopyOnEvents(t *testing.T) {
	h, _ := logHarness(t, sandbox.Options{WABAs: 5}, guideEvents(t, fixedNow(),
		"guide_partner_solutions_created.json",            // a solution only
		"guide_account_update_partner_added.json",         // a WABA and the solution that onboarded it
		"notes_account_update_partner_app_installed.json", // a WABA only
	)...)
	_, pos := h.eventsTab()
	h.press(strconv.Itoa(pos+1), "g")
	h.wantCopied("solution", "774485461512159")
	h.press("j")
	h.wantCopied("solution", "303610109049230")
	h.press("j")
	h.wantCopied("WABA", "102290129340398")
}

func TestCopyRefusesAnIDThatIsNotGraphs(t *testing.T) {
	now := fixedNow()
	hostile := "1234\x1b]52;c;cHduZWQ=\x07; rm -rf ~"
	h, _ := logHarness(t, sandbox.Options{WABAs: -1}, eventlog.Event{
		Key: "hostile", Received: now, EntryTime: now.Add(-time.Hour), Field: webhook.FieldPartnerSolutions,
		Event: webhook.EventSolutionCreated, Known: true, SolutionID: hostile, Raw: []byte(`{}`),
	})
	_, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantNothingCopied("is not a Graph ID (digits only)")
	if strings.Contains(h.app.Render(), "\x1b]52") {
		t.Fatal("the notice drew the ID's escape sequence")
	}
}

func TestNothingToCopy(t *testing.T) {
	t.Run("empty table", func(t *testing.T) {
		h := newHarnessWith(t, 120, 40, sandbox.Options{WABAs: -1})
		h.press("4")
		h.wantScreen("No onboarded customers")
		h.wantNothingCopied("Nothing to copy")
	})
	t.Run("filtered out", func(t *testing.T) {
		h := newHarness(t, 120, 40)
		h.press("/")
		h.typeText("no such solution")
		h.press("enter")
		h.wantNothingCopied("Nothing to copy")
	})
	t.Run("Pending section header", func(t *testing.T) {
		h := newHarness(t, 120, 40)
		h.press("2", "/")
		h.typeText("Needs us")
		h.press("enter")
		if r, ok := h.app.activeTab().(*pendingTab).table.Selected(); !ok || r.ID != sectionNeedsUs {
			t.Fatalf("the filter left %q selected, want the section header:\n%s", r.ID, h.screen())
		}
		h.wantNothingCopied("Nothing to copy")
	})
}

// In the confirm dialog y is Confirm: its command is the action, sent.
func TestYConfirmsInTheDialog(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("2")
	target := h.selectRow("Social OVD with Northwind")
	h.press("a")
	done, ok := h.pressFor("y").(actionDoneMsg)
	if !ok || done.Outcome.Err != nil || done.Request.Solution.ID != target.ID || done.Request.Action != graph.ActionAccept {
		t.Fatalf("y in the dialog gave %#v, want the accept of %s done", done, target.ID)
	}
	h.send(done)
	h.wantScreen("Done: accept solution request")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("y in the dialog sent %d POSTs, want 1", n)
	}
}

func TestYTypesIntoTheFilter(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("/")
	if msg := h.pressFor("y"); msg != nil {
		t.Fatalf("y in the filter line gave %#v, want no command", msg)
	}
	h.typeText("ellow")
	if got := h.app.filter.Value(); got != "yellow" {
		t.Fatalf("the filter holds %q, want %q", got, "yellow")
	}
	h.wantScreenLacks("to the clipboard", "y in the filter copied")
}

func TestHelpListsCopy(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("?")
	h.wantScreen("y      copy ID", "Y      copy name", "ctrl+y copy row (TSV)")
}

func TestCopyNameAndRow(t *testing.T) {
	h := newHarness(t, 120, 40)
	id := h.sb.AddSolution(sandbox.SolutionSpec{Name: "Copy\tme", Status: "ACTIVE"})
	h.press("r")
	h.selectRow("Copy\tme")

	if got, ok := clipboardText(h.pressFor("Y")); !ok || got != "Copy me" {
		t.Fatalf("Y put %q on the clipboard (%v), want the name (its tab sanitised to a space)", got, ok)
	}
	h.wantScreen("Copied the solution's name to the clipboard.")

	want := strings.Join([]string{"Copy me", "● Active", "owner", "Lucky Shrub", "—", id}, "\t")
	if got, ok := clipboardText(h.pressFor("ctrl+y")); !ok || got != want {
		t.Fatalf("ctrl+y put %q on the clipboard (%v), want the row %q", got, ok, want)
	}
	h.wantScreen("Copied the solution's row to the clipboard (tab-separated).")
}

package ui

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/journal"
)

const luckyShrubApp = "21202248997039" // a demo partner app of the sandbox

// createPosts are the create POSTs the sandbox received.
func createPosts(h *harness) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range h.posts() {
		if strings.HasSuffix(r.Path, "/whatsapp_business_solution") {
			out = append(out, r)
		}
	}
	return out
}

// fillCreateForm opens the form with n and fills it in: the name, the
// partner's app ID (tab reads its app's name), and sender when set.
func fillCreateForm(h *harness, name, partnerApp string, sender graph.Sender) {
	h.t.Helper()
	h.press("1", "n")
	if h.app.form == nil {
		h.t.Fatalf("n opened no form:\n%s", h.screen())
	}
	h.typeText(name)
	h.press("tab")
	h.typeText(partnerApp)
	h.press("tab")
	switch sender {
	case graph.SenderUs:
		h.press(" ")
	case graph.SenderPartner:
		h.press(" ", " ")
	}
}

// The form checks the name as it is typed, by graph's rule, takes digits
// only for the app ID, and refuses to go on before every check passes.
func TestCreateFormChecksAsTyped(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("1", "n")
	h.typeText("A")
	h.wantScreen(graph.CheckSolutionName("A").Error())
	h.typeText("b")
	h.wantScreen("2/75 characters")
	long := strings.Repeat("x", graph.SolutionNameMax-1)
	h.typeText(long)
	h.wantScreen("the name has 76 characters")
	if graph.CheckSolutionName("Ab"+long) == nil {
		t.Fatal("graph's rule takes 76 characters: the test's premise is gone")
	}
	h.press("tab")
	h.typeText("12a")
	h.wantScreen(`App IDs are digits only: "a" was not typed.`)
	h.typeText("3")
	if got := h.app.form.partner.Value(); got != "123" {
		t.Fatalf("the app ID field holds %q, want the digits only", got)
	}
	for range 3 {
		h.send(keyMsg("backspace"))
	}
	h.typeText(h.app.ctx.AppID)
	h.wantScreen(h.app.ctx.AppID + " is our own app, which owns the solution:")
	if graph.CheckPartnerAppID(h.app.ctx.AppID, h.app.ctx.AppID) == nil {
		t.Fatal("graph's rule takes our own app as the partner: the test's premise is gone")
	}
	h.press("tab", "enter")
	if h.app.dialog != nil {
		t.Fatal("enter on an incomplete form opened the dialog")
	}
	h.wantScreen("Not yet: the name has 76 characters")
	h.press("esc")
	if h.app.form != nil || len(h.posts()) != 0 {
		t.Fatalf("esc left the form open or something was sent: %d POSTs", len(h.posts()))
	}
}

// Leaving the app ID field reads the app's name, which the form shows
// before anything is sent, or says it could not be read.
func TestCreateFormReadsThePartnerAppName(t *testing.T) {
	h := newHarness(t, 120, 40)
	before := mark(h.sb)
	fillCreateForm(h, "Northwind Retail", luckyShrubApp, graph.SenderUnset)
	h.wantScreen("app: Lucky Shrub")
	var reads int
	for _, r := range requestsSince(h.sb, before) {
		if r.Method == http.MethodPost {
			t.Fatalf("the form sent %s %s", r.Method, r.Path)
		}
		if strings.HasSuffix(r.Path, "/"+luckyShrubApp) && strings.Contains(r.RawQuery, "fields=name") {
			reads++
		}
	}
	if reads != 1 {
		t.Fatalf("%d reads of the app's name, want 1", reads)
	}
	// Going back and leaving again reads nothing more for the same ID.
	h.press("shift+tab", "tab", "shift+tab")
	if n := len(requestsSince(h.sb, before)); n != reads {
		t.Fatalf("leaving the field again with the same ID sent %d more requests", n-reads)
	}
	for range len(luckyShrubApp) {
		h.send(keyMsg("backspace"))
	}
	h.typeText("999000111222")
	h.press("tab")
	h.wantScreen("its name could not be read")
}

// A create goes end to end: the dialog shows what will be created, y sends
// one POST through the journal, and the new solution is in Solutions and
// in Pending, awaiting the partner, with the cursor on it.
func TestCreateSolutionEndToEnd(t *testing.T) {
	h := newHarness(t, 120, 40)
	awaitsBefore := h.app.tabs[1].(*pendingTab).awaits
	fillCreateForm(h, "Northwind Retail", luckyShrubApp, graph.SenderUs)
	h.press("enter")
	if h.app.dialog == nil || h.app.dialog.create == nil {
		t.Fatalf("enter on a complete form opened no dialog:\n%s", h.screen())
	}
	h.wantScreen("Create solution?", "Name:      Northwind Retail", "Partner:   Lucky Shrub ("+luckyShrubApp+")",
		"Messaging: us — Our app holds MESSAGING", "owner_permissions MESSAGING; partner_permissions none")
	h.press("n")
	if h.app.dialog != nil || h.app.form == nil || h.app.form.name.Value() != "Northwind Retail" || len(h.posts()) != 0 {
		t.Fatal("cancel in the dialog did not go back to the form as it was, or sent something")
	}
	h.press("enter", "y")

	posts := createPosts(h)
	if len(posts) != 1 || len(h.posts()) != 1 {
		t.Fatalf("%d create POSTs (%d POSTs in all), want exactly one", len(posts), len(h.posts()))
	}
	entries, err := h.app.ctx.Journal.List(context.Background(), journal.Query{Limit: 1})
	if err != nil || len(entries) != 1 {
		t.Fatalf("journal: %+v, %v", entries, err)
	}
	e := entries[0]
	created, ok := h.sb.Solution(e.ObjectID)
	if e.Action != "create" || e.Outcome != journal.Done || e.ObjectName != "Northwind Retail" || !ok || created.Name != "Northwind Retail" ||
		e.StateAfter != "Pending" {
		t.Fatalf("the journal entry %+v does not name the solution created (%+v)", e, created)
	}
	h.wantScreen("Created \"Northwind Retail\" (" + e.ObjectID + "); it awaits the partner.")
	if s, ok := h.app.activeTab().(*solutionsTab).SelectedSolution(); !ok || s.ID != e.ObjectID {
		t.Fatalf("the Solutions cursor is on %+v, want the new solution %s", s, e.ObjectID)
	}
	h.press("2")
	pending := h.app.activeTab().(*pendingTab)
	if s, ok := pending.SelectedSolution(); !ok || s.ID != e.ObjectID {
		t.Fatalf("the Pending cursor is on %+v, want the new solution", s)
	}
	shared, _ := h.app.ctx.Solutions.Solution(e.ObjectID)
	if pendingNow, ours := pending.waiting(&shared); !pendingNow || ours {
		t.Fatalf("the new solution does not await the partner on Pending: pending %v, ours %v", pendingNow, ours)
	}
	if pending.awaits != awaitsBefore+1 {
		t.Fatalf("Pending counts %d awaiting the partner, want %d", pending.awaits, awaitsBefore+1)
	}
	h.wantScreen("> Northwind Retail")
	if n := len(createPosts(h)); n != 1 {
		t.Fatalf("%d create POSTs after all, want 1", n)
	}
}

// When the connection drops after the sandbox made the solution, the
// outcome is unknown: one POST, never resent, and mps says the list now
// holds it. When nothing was made, it says so.
func TestCreateUnknownOutcome(t *testing.T) {
	for _, c := range []struct {
		fault sandbox.FaultKind
		want  string
		made  bool
	}{
		{sandbox.FaultDropAfterApply, "one with this name and partner app " + luckyShrubApp + " exists now", true},
		{sandbox.FaultTransient, "none has this name and partner app " + luckyShrubApp + ", so it was not created", false},
	} {
		t.Run(c.fault.String(), func(t *testing.T) {
			h := newHarness(t, 120, 40)
			fillCreateForm(h, "Dropped answer", luckyShrubApp, graph.SenderPartner)
			h.sb.AddFault(sandbox.Fault{Kind: c.fault, Method: http.MethodPost, Times: 1})
			h.press("enter", "y")
			if n := len(createPosts(h)); n != 1 {
				t.Fatalf("%d create POSTs, want exactly 1", n)
			}
			h.wantScreen("Nothing was resent")
			if !strings.Contains(h.app.notice, c.want) {
				t.Fatalf("notice %q lacks %q", h.app.notice, c.want)
			}
			entries, err := h.app.ctx.Journal.List(context.Background(), journal.Query{Limit: 1})
			if err != nil || len(entries) != 1 || entries[0].Outcome != journal.Unknown || (entries[0].ObjectID != "") != c.made {
				t.Fatalf("journal: %+v, %v", entries, err)
			}
			_, listed := findSolution(h.app.ctx.Solutions.List(), entries[0].ObjectID)
			if listed != c.made {
				t.Fatalf("the solution is listed: %v, want %v", listed, c.made)
			}
		})
	}
}

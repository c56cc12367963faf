package ui

import (
	"context"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// twoRowSolution is a solution we own whose partners edge has two rows,
// each granting MESSAGING and one more permission: the partner side gets
// what the rows grant together, each permission once. ui/cli's
// TestSolutionWithTwoPartnerRows lists the same counts.
type twoRowSolution struct {
	name        string
	rows        [2][]string
	theyGet     string
	partnerGets int
}

func twoRowSolutions() []twoRowSolution {
	return []twoRowSolution{
		{"Two rows, one more each", [2][]string{{"MESSAGING", "VIEW_COST"}, {"MESSAGING", "MANAGE_BILLING"}}, "we get 2 · they get 3 · MESSAGING: them", 3},
		{"Two rows, the same two", [2][]string{{"MESSAGING", "MANAGE_BILLING"}, {"MESSAGING", "MANAGE_BILLING"}}, "we get 2 · they get 2 · MESSAGING: them", 2},
	}
}

func addTwoRowSolutions(sb *sandbox.Sandbox) {
	for _, c := range twoRowSolutions() {
		id := sb.AddSolution(sandbox.SolutionSpec{Name: c.name, PartnerAppID: "21202248997039",
			OwnerPermissions: []string{"VIEW_TEMPLATES", "VIEW_INSIGHTS"}, PartnerPermissions: c.rows[0]})
		sb.AddPartnerRow(id, "637576208107267", c.rows[1]...)
	}
}

// Pending's row and the inspector count a permission that two partner
// rows both grant once, as `mps solution` lists it; under lists that
// answer only their default fields the row has it from the solution's own
// read (sideReads).
func TestPendingCountsTwoPartnerRowsOnce(t *testing.T) {
	for _, defaultsOnly := range []bool{false, true} {
		h := newHarnessConfig(t, 200, 50, sandbox.Options{ListDefaultFieldsOnly: defaultsOnly},
			func(sb *sandbox.Sandbox, _ *Config) { addTwoRowSolutions(sb) })
		h.press("2")
		for _, c := range twoRowSolutions() {
			s := h.selectRow(c.name)
			if got := h.app.tabs[1].(*pendingTab).row(&s).Cells[4]; got != c.theyGet {
				t.Fatalf("defaults only %v: Pending's row for %q shows %q before the inspector, want %q", defaultsOnly, c.name, got, c.theyGet)
			}
			h.press("enter") // the inspector reads the solution
			if got := strings.Count(h.screen(), "(one side only)"); got != c.partnerGets+2 {
				t.Errorf("defaults only %v: %q: the inspector marks %d permissions one-sided, want %d:\n%s", defaultsOnly, c.name, got, c.partnerGets+2, h.screen())
			}
			h.press("esc")
			if line := lineWith(h.screen(), c.name); !strings.Contains(line, c.theyGet) {
				t.Errorf("defaults only %v: Pending's row for %q is %q, want %q", defaultsOnly, c.name, line, c.theyGet)
			}
		}
	}
}

// When the solution's own read fails under lists that answered only their
// default fields, the inspector says the permissions are not known; it
// does not claim none are listed.
func TestInspectorSaysUnreadPermissionsAreNotKnown(t *testing.T) {
	const socialOVD = "17602267745700" // Social OVD with Northwind
	h := newHarnessConfig(t, 120, 40, sandbox.Options{ListDefaultFieldsOnly: true}, func(sb *sandbox.Sandbox, _ *Config) {
		sb.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, Method: "GET", PathContains: socialOVD})
	})
	h.press("2")
	if s := h.selectRow("Social OVD with Northwind"); s.ID != socialOVD {
		t.Fatalf("Social OVD with Northwind is %s in the seed, want %s", s.ID, socialOVD)
	}
	h.press("enter")
	h.wantScreen("Reading the solution failed", "not known until the solution is read")
	h.wantScreenLacks("none listed", "the inspector says no permissions are listed before any were read")
}

// The confirm dialog lists what accepting grants each side: two partner
// rows' permissions once each, and a side whose list Graph did not answer
// as not read, never as "none".
func TestConfirmGrantsCountTwoRowsOnceAndSayWhatWasNotRead(t *testing.T) {
	c := newShared(context.Background(), Config{AppID: sandbox.DemoAppID})
	sol := graph.Solution{ID: "1", OwnerPermissions: []string{"VIEW_TEMPLATES"}, Partners: graph.PartnerRows{
		{ID: "2", PartnerApp: &graph.App{ID: sandbox.DemoAppID}, PartnerPermissions: []string{"MESSAGING", "VIEW_COST"}},
		{ID: "3", PartnerApp: &graph.App{ID: "637576208107267"}, PartnerPermissions: []string{"MESSAGING", "MANAGE_BILLING"}},
	}}
	d := newConfirmDialog(c, actionRequest{Action: graph.ActionAccept, Solution: sol, Role: graph.RolePartner})
	if got := strings.Join(d.grants(200, true), "\n"); !strings.Contains(got, "3: MESSAGING, VIEW_COST, MANAGE_BILLING") {
		t.Errorf("the dialog's grants:\n%s", got)
	}
	sol.Partners[1].PartnerPermissions = nil
	d = newConfirmDialog(c, actionRequest{Action: graph.ActionAccept, Solution: sol, Role: graph.RolePartner})
	if got := strings.Join(d.grants(200, true), "\n"); !strings.Contains(got, "not read") || strings.Contains(got, "none") {
		t.Errorf("a row without partner_permissions:\n%s", got)
	}
}

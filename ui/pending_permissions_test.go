package ui

import (
	"strings"
	"testing"

	"mps/graph/graphtest"
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

func addTwoRowSolutions(sb *graphtest.Sandbox) {
	for _, c := range twoRowSolutions() {
		id := sb.AddSolution(graphtest.SolutionSpec{Name: c.name, PartnerAppID: "21202248997039",
			OwnerPermissions: []string{"VIEW_TEMPLATES", "VIEW_INSIGHTS"}, PartnerPermissions: c.rows[0]})
		sb.AddPartnerRow(id, "637576208107267", c.rows[1]...)
	}
}

// Pending's row and the inspector count a permission that two partner
// rows both grant once, as `mps solution` lists it; under lists that
// answer only their default fields the row says "—" until the solution's
// own read, never a count.
func TestPendingCountsTwoPartnerRowsOnce(t *testing.T) {
	for _, defaultsOnly := range []bool{false, true} {
		h := newHarnessConfig(t, 200, 50, graphtest.Options{ListDefaultFieldsOnly: defaultsOnly},
			func(sb *graphtest.Sandbox, _ *Config) { addTwoRowSolutions(sb) })
		h.press("2")
		for _, c := range twoRowSolutions() {
			s := h.selectRow(c.name)
			if got := h.app.tabs[1].(*pendingTab).row(&s).Cells[4]; defaultsOnly && got != "—" {
				t.Fatalf("defaults only: %q shows %q before its read, want —", c.name, got)
			}
			h.press("enter") // the inspector reads the solution
			if got := strings.Count(h.screen(), "(one side only)"); got != c.partnerGets+2 {
				t.Errorf("defaults only %v: %q: the inspector marks %d permissions one-sided, want %d:\n%s", defaultsOnly, c.name, got, c.partnerGets+2, h.screen())
			}
			h.press("esc")
			if line := pendingLine(h.screen(), c.name); !strings.Contains(line, c.theyGet) {
				t.Errorf("defaults only %v: Pending's row for %q is %q, want %q", defaultsOnly, c.name, line, c.theyGet)
			}
		}
	}
}

// pendingLine is the screen's line for the named row.
func pendingLine(screen, name string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, name) {
			return line
		}
	}
	return ""
}

package cli

import (
	"strings"
	"testing"

	"mps/graph/sandbox"
)

// `mps solution` on a solution we own whose partners edge has two rows,
// each granting MESSAGING and one more permission, lists each permission
// once, side by side: the counts the dashboard's Pending row shows
// (ui's TestPendingCountsTwoPartnerRowsOnce, same solutions).
func TestSolutionWithTwoPartnerRows(t *testing.T) {
	cases := []struct {
		name                string
		rows                [2][]string
		weGet, partnerGets  int
		partnerPermsInOrder string
	}{
		{"Two rows, one more each", [2][]string{{"MESSAGING", "VIEW_COST"}, {"MESSAGING", "MANAGE_BILLING"}}, 2, 3, "MESSAGING VIEW_COST MANAGE_BILLING"},
		{"Two rows, the same two", [2][]string{{"MESSAGING", "MANAGE_BILLING"}, {"MESSAGING", "MANAGE_BILLING"}}, 2, 2, "MESSAGING MANAGE_BILLING"},
	}
	for _, defaultsOnly := range []bool{false, true} {
		h := newHarness(t, sandbox.Options{ListDefaultFieldsOnly: defaultsOnly})
		for _, c := range cases {
			id := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: c.name, PartnerAppID: "21202248997039",
				OwnerPermissions: []string{"VIEW_TEMPLATES", "VIEW_INSIGHTS"}, PartnerPermissions: c.rows[0]})
			h.sandbox.AddPartnerRow(id, "637576208107267", c.rows[1]...)
			out := h.mustRun("solution", id).stdout
			owner, partner := 0, []string{}
			for _, line := range strings.Split(out, "\n") {
				f := strings.Fields(line)
				if len(f) < 3 || (f[1] != "yes" && f[1] != "-") || (f[2] != "yes" && f[2] != "-") {
					continue
				}
				if f[1] == "yes" {
					owner++
				}
				if f[2] == "yes" {
					partner = append(partner, f[0])
				}
			}
			if owner != c.weGet || len(partner) != c.partnerGets || strings.Join(partner, " ") != c.partnerPermsInOrder {
				t.Errorf("defaults only %v: %q lists %d for the owner and %v for the partner, want %d and %s:\n%s",
					defaultsOnly, c.name, owner, partner, c.weGet, c.partnerPermsInOrder, out)
			}
			if !strings.Contains(out, "held by the partner") {
				t.Errorf("%q: the view does not say the partner holds MESSAGING:\n%s", c.name, out)
			}
		}
	}
}

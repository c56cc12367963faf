package cli

import (
	"slices"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
)

// idsWhere are the sandbox's solutions, in its order, that keep says yes to.
func idsWhere(sb *sandbox.Sandbox, keep func(s *graph.Solution, role graph.Role) bool) []string {
	var out []string
	for _, s := range sb.Solutions() {
		if keep(&s, sb.RoleOf(s.ID)) {
			out = append(out, s.ID)
		}
	}
	return out
}

// Under lists that answer only their default fields, --role partner
// prints our_role "partner" for the list Graph filtered, with the actions
// judged for that side.
func TestSolutionsRoleJSONWithoutExpansion(t *testing.T) {
	h := newHarness(t, sandbox.Options{ListDefaultFieldsOnly: true})
	for _, role := range []graph.Role{graph.RolePartner, graph.RoleOwner} {
		got := decodeJSON[[]solutionOut](t, h.mustRun("solutions", "--role", role.String(), "--json").stdout)
		var ids []string
		for _, s := range got {
			ids = append(ids, s.ID)
			if s.OurRole != role.String() || s.OwnerApp != nil || len(s.AllowedActions) != len(graph.AllActions()) {
				t.Errorf("--role %s: %s has our_role %q, owner_app %v, %d allowed_actions", role, s.ID, s.OurRole, s.OwnerApp, len(s.AllowedActions))
			}
		}
		want := idsWhere(h.sandbox, func(_ *graph.Solution, r graph.Role) bool { return r == role })
		if len(want) == 0 || !slices.Equal(ids, want) {
			t.Errorf("--role %s listed %v, want %v", role, ids, want)
		}
	}
}

// The README's example, `mps solutions --state pending --json | jq -r
// '.[] | select(.our_role == "partner") | .id'`, prints the pending
// requests that wait for us, whether or not Graph expands the list.
func TestReadmeJQExampleWithAndWithoutExpansion(t *testing.T) {
	for _, defaultsOnly := range []bool{true, false} {
		h := newHarness(t, sandbox.Options{ListDefaultFieldsOnly: defaultsOnly})
		var got []string
		for _, s := range decodeJSON[[]solutionOut](t, h.mustRun("solutions", "--state", "pending", "--json").stdout) {
			if s.OurRole == "partner" {
				got = append(got, s.ID)
			}
		}
		want := idsWhere(h.sandbox, func(s *graph.Solution, r graph.Role) bool {
			return r == graph.RolePartner && s.State() == graph.StatePending
		})
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("defaults only %v: the jq example would print %v, want %v", defaultsOnly, got, want)
		}
	}
}

// The table says our side from the role lists and "—" for the other app
// and MESSAGING, which the list did not bring.
func TestSolutionsTableWithoutExpansion(t *testing.T) {
	h := newHarness(t, sandbox.Options{ListDefaultFieldsOnly: true})
	out := h.mustRun("solutions").stdout
	for _, s := range h.sandbox.Solutions() {
		role := h.sandbox.RoleOf(s.ID).String()
		line := lineWith(out, s.ID)
		if fields := strings.Fields(line); len(fields) < 3 || fields[len(fields)-3] != role || fields[len(fields)-2] != "—" || fields[len(fields)-1] != "—" {
			t.Errorf("row of %s = %q, want role %s then — for the other app and MESSAGING", s.ID, line, role)
		}
	}
}

func lineWith(text, part string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, part) {
			return line
		}
	}
	return ""
}

// MPS_DEMO_LISTS=default-fields runs the demo against lists that answer
// only their default fields; --role partner --json still says "partner".
func TestDemoListsDefaultFields(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.env[EnvDemoLists] = "default-fields"
	got := decodeJSON[[]solutionOut](t, h.mustRun("--demo", "solutions", "--role", "partner", "--json").stdout)
	if len(got) == 0 {
		t.Fatal("--demo --role partner listed nothing")
	}
	for _, s := range got {
		if s.OwnerApp != nil || s.OurRole != "partner" {
			t.Fatalf("%s: owner_app %v, our_role %q; want the default fields only and our_role partner", s.ID, s.OwnerApp, s.OurRole)
		}
	}
	delete(h.env, EnvDemoLists)
	for _, s := range decodeJSON[[]solutionOut](t, h.mustRun("--demo", "solutions", "--json").stdout) {
		if s.OwnerApp == nil {
			t.Fatalf("%s: without MPS_DEMO_LISTS the demo's list is expanded, yet owner_app is missing", s.ID)
		}
	}
}

// `mps solution` of a solution whose sides Graph names, neither of them
// ours, says so and points at the app ID; it never says "unknown".
func TestSolutionDetailNamesAMissingSide(t *testing.T) {
	h := seededHarness(t)
	id := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: "Not ours", Status: "ACTIVE"})
	h.env[store.EnvAppID] = "999999999999"
	r := h.run("solution", id)
	if !strings.Contains(r.stdout, "none: Graph names both sides and neither is our app (check the app ID)") {
		t.Fatalf("mps solution with another app ID:\n%s%s", r.stdout, r.stderr)
	}
}

package cli

import (
	"reflect"
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

// Without --read-sides a warning says how many solutions lack their sides
// and how to read them; with it, each such solution is read once, and
// each row, in the table and in --json, is the one lists that bring
// everything give. The WABA's solutions edge never brings the sides, so
// waba-solutions needs it under either kind of list. Under lists that
// bring everything, solutions reads nothing more and says nothing.
func TestSolutionsReadSides(t *testing.T) {
	full := newHarness(t, sandbox.Options{})
	wantTable := full.mustRun("solutions").stdout
	wantJSON := map[string]map[string]any{}
	for _, s := range decodeJSON[[]map[string]any](t, full.mustRun("solutions", "--json").stdout) {
		wantJSON[s["id"].(string)] = s
	}
	h := newHarness(t, sandbox.Options{ListDefaultFieldsOnly: true})
	for _, c := range [][]string{{"solutions"}, {"waba-solutions", "102290129340398"}} {
		r := h.mustRun(c...)
		if !strings.Contains(r.stderr, "left out the apps and permissions") || !strings.Contains(r.stderr, "--read-sides") {
			t.Errorf("%s under default fields: stderr %q, want the warning naming --read-sides", c[0], r.stderr)
		}
		before := len(h.sandbox.Requests())
		table := h.mustRun(append(slices.Clone(c), "--read-sides")...)
		listed := decodeJSON[[]map[string]any](t, h.mustRun(append(slices.Clone(c), "--read-sides", "--json")...).stdout)
		if table.stderr != "" || len(listed) == 0 {
			t.Fatalf("%s --read-sides: stderr %q, %d solutions", c[0], table.stderr, len(listed))
		}
		reads := map[string]int{}
		for _, req := range h.sandbox.Requests()[before:] {
			if strings.Count(req.Path, "/") == 2 {
				reads[req.Path[strings.LastIndex(req.Path, "/")+1:]]++
			}
		}
		for _, got := range listed {
			id := got["id"].(string)
			if !reflect.DeepEqual(got, wantJSON[id]) {
				t.Errorf("%s --read-sides --json: %s is %v, with expanded lists %v", c[0], id, got, wantJSON[id])
			}
			if g, w := strings.Fields(lineWith(table.stdout, id)), strings.Fields(lineWith(wantTable, id)); !slices.Equal(g, w) {
				t.Errorf("%s --read-sides: row %q, with expanded lists %q", c[0], g, w)
			}
			if reads[id] != 2 { // once for the table, once for --json
				t.Errorf("%s --read-sides: %s read %d times over two runs, want once each", c[0], id, reads[id])
			}
		}
	}
	before := len(full.sandbox.Requests())
	if r := full.mustRun("solutions", "--read-sides"); r.stderr != "" || r.stdout != wantTable {
		t.Errorf("expanded lists with --read-sides: stderr %q, table changed: %v", r.stderr, r.stdout != wantTable)
	}
	for _, req := range full.sandbox.Requests()[before:] {
		if strings.Count(req.Path, "/") == 2 {
			t.Errorf("--read-sides read %s though the list had its sides", req.Path)
		}
	}
}

// A read that fails is the command's error, with its advice, and nothing
// is printed as if it were complete.
func TestSolutionsReadSidesFailure(t *testing.T) {
	h := newHarness(t, sandbox.Options{ListDefaultFieldsOnly: true})
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken, Method: "GET", PathContains: "/176022677"})
	r := h.run("solutions", "--read-sides")
	wantExit(t, r, ExitAuth, "solutions --read-sides with an expired token")
	if r.stdout != "" || !strings.Contains(r.stderr, "mps login") {
		t.Errorf("stdout %q, stderr %q; want no list and the login advice", r.stdout, r.stderr)
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

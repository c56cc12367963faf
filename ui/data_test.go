package ui

import (
	"slices"
	"testing"

	"mps/graph"
)

func solutionsWithIDs(ids ...string) []graph.Solution {
	out := make([]graph.Solution, len(ids))
	for i, id := range ids {
		out[i] = graph.Solution{ID: id, Status: "ACTIVE"}
	}
	return out
}

func listIDs(list []graph.Solution) []string {
	ids := make([]string, len(list))
	for i, s := range list {
		ids[i] = s.ID
	}
	return ids
}

// A view learns from the version what to draw: nothing when nothing
// changed, only the new rows when a page sorts after every row, and every
// row when the order or a row already shown changed.
func TestSolutionsTellViewsWhatChanged(t *testing.T) {
	d := newSolutions()
	var m viewMark
	step := func(what string, change func(), wantFrom int, wantRedraw, wantMoved bool) {
		t.Helper()
		change()
		from, redraw, moved := d.since(&m, len(d.List()))
		if moved != wantMoved || (moved && (from != wantFrom || redraw != wantRedraw)) {
			t.Fatalf("%s: from %d, redraw %v, moved %v; want %d, %v, %v", what, from, redraw, moved, wantFrom, wantRedraw, wantMoved)
		}
	}
	step("first page", func() { d.page(solutionsWithIDs("20", "10"), true) }, 0, true, true)
	step("nothing", func() {}, 0, false, false)
	step("page after every row", func() { d.page(solutionsWithIDs("30", "40"), false) }, 2, false, true)
	step("page among the rows", func() { d.page(solutionsWithIDs("15"), false) }, 0, true, true)
	step("a row changed", func() { d.put(graph.Solution{ID: "30", Status: "DEACTIVATED"}, false) }, 0, true, true)
	step("a read added at the end", func() { d.put(graph.Solution{ID: "50"}, true) }, 5, false, true)
	step("a read of an unlisted one", func() { d.put(graph.Solution{ID: "5"}, false) }, 6, false, true)
	step("a read added among the rows", func() { d.put(graph.Solution{ID: "25"}, true) }, 0, true, true)
	step("the load ends", func() { d.finish(nil) }, 7, false, true)

	if got, want := listIDs(d.List()), []string{"10", "15", "20", "25", "30", "40", "50"}; !slices.Equal(got, want) {
		t.Fatalf("the list is %v, want %v in ID order", got, want)
	}
	if s, _ := d.Solution("30"); s.Status != "DEACTIVATED" {
		t.Fatalf("solution 30 is %q, want the copy put last", s.Status)
	}
	if _, ok := d.Solution("5"); !ok {
		t.Fatal("a solution read but not listed is not known")
	}
}

// A list that answered only the default fields keeps what a read learnt.
func TestSolutionsKeepKnownRoles(t *testing.T) {
	d := newSolutions()
	d.put(graph.Solution{ID: "1", ListedRole: graph.RoleOwner, OwnerPermissions: []string{"MANAGE"}}, true)
	d.page([]graph.Solution{{ID: "1", Status: "ACTIVE"}}, true)
	if s := d.List()[0]; s.ListedRole != graph.RoleOwner || len(s.OwnerPermissions) != 1 || s.Status != "ACTIVE" {
		t.Fatalf("after a plain page the solution is %+v, want the role and permissions kept and the status fresh", s)
	}
}

// findSolution finds a solution in a list by ID.
func findSolution(list []graph.Solution, id string) (graph.Solution, bool) {
	for i := range list {
		if list[i].ID == id {
			return list[i], true
		}
	}
	return graph.Solution{}, false
}

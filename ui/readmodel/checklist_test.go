package readmodel

import (
	"testing"
	"time"

	"mps/graph"
	"mps/store/eventlog"
)

func TestCustomersJoinsTheLogAndTheList(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	seen := []eventlog.SeenWABA{
		{WABAID: "1", SolutionID: "9", FirstSeen: t0},
		{WABAID: "2", SolutionID: "8", FirstSeen: t0.Add(time.Hour)},
		{WABAID: "3", SolutionID: "9", FirstSeen: t0.Add(2 * time.Hour), Removed: true}, // gone
		{WABAID: "4", SolutionID: "9", FirstSeen: t0.Add(3 * time.Hour)},                // reported, not listed
	}
	listed := []graph.WABA{{ID: "2", Name: "two"}, {ID: "1"}, {ID: "7"}, {ID: "5"}}
	got := Customers(seen, listed, "")
	want := []struct {
		id     string
		listed bool
	}{{"4", false}, {"2", true}, {"1", true}, {"5", true}, {"7", true}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		if got[i].WABA.ID != w.id || got[i].Listed != w.listed {
			t.Fatalf("row %d = %+v, want %s listed %v", i, got[i], w.id, w.listed)
		}
	}
	if got[1].WABA.Name != "two" || got[1].SolutionID != "8" {
		t.Fatalf("the join lost the name or solution: %+v", got[1])
	}
	only := Customers(seen, listed, "9")
	if len(only) != 2 || only[0].WABA.ID != "4" || only[1].WABA.ID != "1" {
		t.Fatalf("solution 9: %+v", only)
	}
}

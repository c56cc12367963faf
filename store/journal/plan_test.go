package journal

import (
	"strings"
	"testing"
	"time"
)

// Every read searches an index, or walks one that holds only what it
// lists (the newest entries, the unfinished ones), in the order it
// answers: none reads the table row by row to filter it, and none sorts
// in a temporary b-tree, so the History view costs the same at a year's
// entries as at a day's.
func TestEveryReadUsesAnIndex(t *testing.T) {
	f := journals().Temp(t)
	reads := map[string]struct {
		read    func() (string, []any)
		mayWalk bool // it lists every row its index holds
	}{
		"in flight":          {func() (string, []any) { return selectInFlight, nil }, true},
		"all, newest first":  {func() (string, []any) { return listSQL(Query{Limit: 50}) }, true},
		"one solution":       {func() (string, []any) { return listSQL(Query{ObjectID: "1"}) }, false},
		"since":              {func() (string, []any) { return listSQL(Query{Since: t0()}) }, false},
		"one solution since": {func() (string, []any) { return listSQL(Query{ObjectID: "1", Since: t0().Add(-time.Hour)}) }, false},
	}
	for name, r := range reads {
		stmt, args := r.read()
		rows, err := f.db.Query("EXPLAIN QUERY PLAN "+stmt, args...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			indexed := strings.Contains(step, "USING INDEX") || strings.Contains(step, "USING COVERING INDEX")
			searched := strings.HasPrefix(step, "SEARCH ")
			if !indexed || strings.Contains(step, "TEMP B-TREE") || !searched && !r.mayWalk {
				t.Errorf("%s: the plan %q reads rows it does not list: %q", name, plan, step)
			}
		}
	}
}

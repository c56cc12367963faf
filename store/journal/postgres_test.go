package journal

import (
	"context"
	"testing"

	"mps/store/storetest"
)

// A dashboard needs SELECT, INSERT and UPDATE on the journal's entries
// (and to read the schema's version) to record and follow actions.
func TestADashboardsPrivilegesAreEnough(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.Postgres(t)
	journals().At(t, url) // the owner migrates
	grants := []string{"SELECT, INSERT, UPDATE ON entries", "SELECT ON mps_schema"}
	mine, theirs := journals().At(t, storetest.PostgresRole(t, url, grants...)), journals().At(t, storetest.PostgresRole(t, url, grants...))
	ch, id := followThenBegin(ctx, t, mine, theirs, accept("1", t0()))
	if err := theirs.Finish(ctx, id, Result{Outcome: Done, Finished: t0()}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []Outcome{InFlight, Done} {
		if c := nextChange(t, ch); c.ID != id || c.Outcome != want {
			t.Fatalf("change %+v, want entry %d %s", c, id, want)
		}
	}
	if got, err := mine.List(ctx, Query{}); err != nil || len(got) != 1 {
		t.Fatalf("List = %v, %v", got, err)
	}
}

package journal

import (
	"context"
	"testing"

	"mps/store/storetest"
)

func nextChange(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	return storetest.Receive(t, ch, "the next change")
}

// A teammate's Begin and Finish reach another handle's follower, in
// order, with the teammate's origin, which differs from the follower's.
func TestFollowTellsOfATeammatesEntries(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.Postgres(t)
	mine, theirs := journals().At(t, url), journals().At(t, url)
	if mine.Origin() == theirs.Origin() || mine.Origin() == "" {
		t.Fatalf("two handles have origins %q and %q; want two different ones", mine.Origin(), theirs.Origin())
	}
	ch, err := mine.Follow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, err := theirs.Begin(ctx, accept("17602267745700", t0()))
	if err != nil {
		t.Fatal(err)
	}
	if c := nextChange(t, ch); c != (Change{ID: id, Origin: theirs.Origin(), Outcome: InFlight}) {
		t.Fatalf("after Begin: %+v", c)
	}
	if err := theirs.Finish(ctx, id, Result{Outcome: Done, StateAfter: "Active", Finished: t0()}); err != nil {
		t.Fatal(err)
	}
	if c := nextChange(t, ch); c != (Change{ID: id, Origin: theirs.Origin(), Outcome: Done}) {
		t.Fatalf("after Finish: %+v", c)
	}
	e, err := mine.Get(ctx, id)
	if err != nil || e.Origin != theirs.Origin() || e.Outcome != Done || e.StateAfter != "Active" {
		t.Fatalf("Get(%d) = %+v, %v", id, e, err)
	}
	cancel()
	for range ch {
	}
}

func TestFollowOnSQLiteIsNil(t *testing.T) {
	ch, err := journals().Temp(t).Follow(context.Background())
	if ch != nil || err != nil {
		t.Fatalf("Follow on SQLite = %v, %v; want nil, nil", ch, err)
	}
}

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

// followThenBegin follows mine's changes, then begins e on theirs, a
// teammate's handle on the same database.
func followThenBegin(ctx context.Context, t *testing.T, mine, theirs *Store, e Entry) (<-chan Change, int64) {
	t.Helper()
	ch, err := mine.Follow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, err := theirs.Begin(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	return ch, id
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
	ch, id := followThenBegin(ctx, t, mine, theirs, accept("17602267745700", t0()))
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

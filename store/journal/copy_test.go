package journal

import (
	"context"
	"reflect"
	"testing"
	"time"

	"mps/store/storetest"
)

// A SQLite journal copied into PostgreSQL has every entry, finished or in
// flight, with its origin; the second run copies nothing, and entries
// begun in the target meanwhile stay.
func TestCopyFromSQLiteToPostgresIsIdempotent(t *testing.T) {
	ctx := context.Background()
	from, to := journals().SQLiteAndPostgres(t)
	for i, obj := range []string{"1", "2", "3"} {
		id, err := from.Begin(ctx, accept(obj, t0().Add(time.Duration(i)*time.Minute)))
		if err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			r := Result{Outcome: Refused, Refusal: Refusal{Code: 100, Subcode: 33, FBTraceID: "Ab", Message: "no"},
				StateAfter: "Pending", Finished: t0().Add(time.Hour), Note: "read again"}
			if err := from.Finish(ctx, id, r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := to.Begin(ctx, accept("teammate's", t0().Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if n, err := Copy(ctx, from, to); err != nil || n != 3 {
		t.Fatalf("Copy = %d, %v; want 3", n, err)
	}
	if n, err := Copy(ctx, from, to); err != nil || n != 0 {
		t.Fatalf("Copy again = %d, %v; want 0", n, err)
	}
	want, _ := from.List(ctx, Query{})
	got, err := to.List(ctx, Query{Since: t0(), Limit: 4})
	if err != nil || len(got) != 4 || got[0].ObjectID != "teammate's" {
		t.Fatalf("the target lists %+v, %v; want the teammate's entry and the 3 copied", got, err)
	}
	noID := func(e *Entry) { e.ID = 0 } // a copy's IDs are its own
	if !reflect.DeepEqual(storetest.Without(got[1:], noID), storetest.Without(want, noID)) {
		t.Fatalf("the copy differs:\n got %+v\nwant %+v", got[1:], want)
	}
	if got[1].Origin != from.Origin() {
		t.Fatalf("a copied entry's origin is %q, want the SQLite handle's %q", got[1].Origin, from.Origin())
	}
}

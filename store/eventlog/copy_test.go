package eventlog

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"mps/store/storetest"
)

// A SQLite log copied into PostgreSQL has every event, field for field, in
// order; the second run copies nothing, and events the target had already
// (a receiver writing there meanwhile) are not copied twice.
func TestCopyFromSQLiteToPostgresIsIdempotent(t *testing.T) {
	ctx := context.Background()
	from, to := logs().SQLiteAndPostgres(t)
	var events []Event
	for i := range copyPage + 200 { // more than a page
		at := t0().Add(time.Duration(i) * time.Minute)
		if i%10 == 0 {
			events = append(events, solutionEvent(fmt.Sprint("s", i), "SOLUTION_UPDATED", "ACTIVE", at))
		} else {
			events = append(events, partnerAdded(fmt.Sprint("p", i), fmt.Sprint(i), fmt.Sprint(i%7), at))
		}
	}
	noTime := partnerAdded("no-time", "55", "9", time.Time{})
	unreadable := partnerAdded("unreadable", "56", "9", t0())
	unreadable.Raw = json.RawMessage("not json \xff")
	events = append(events, noTime, unreadable)
	if _, err := from.Append(ctx, events); err != nil {
		t.Fatal(err)
	}
	if _, err := to.Append(ctx, events[:10]); err != nil { // already there
		t.Fatal(err)
	}
	n, err := Copy(ctx, from, to)
	if err != nil || n != len(events)-10 {
		t.Fatalf("Copy = %d, %v; want %d (10 were there already)", n, err, len(events)-10)
	}
	if n, err := Copy(ctx, from, to); err != nil || n != 0 {
		t.Fatalf("Copy again = %d, %v; want 0", n, err)
	}
	want, err := from.List(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := to.List(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	noID := func(e *Event) { e.ID = 0 } // a copy's IDs are its own
	if !reflect.DeepEqual(storetest.Without(got, noID), storetest.Without(want, noID)) {
		t.Fatalf("the copy differs: %d events, want %d", len(got), len(want))
	}
}

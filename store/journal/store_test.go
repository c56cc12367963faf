package journal

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func t0() time.Time { return time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC) }

// begin begins e in f, failing the test if it cannot.
func begin(t testing.TB, f *Store, e Entry) int64 {
	t.Helper()
	id, err := f.Begin(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func accept(id string, at time.Time) Entry {
	return Entry{
		Started: at, Profile: "default", AppID: "1111", Host: "graph.facebook.com", User: "Ada Admin (1001)",
		Action: "accept", ObjectID: id, ObjectName: "Lucky Shrub storefront", StateBefore: "Pending",
	}
}

func TestAnEntryIsBegunThenFinished(t *testing.T) {
	ctx := context.Background()
	journals().EachNew(t, func(t *testing.T, f *Store) {
		want := accept("17602267745700", t0())
		want.Reason = "the partner asked for it"
		id := begin(t, f, want)
		got, err := f.List(ctx, Query{})
		if err != nil || len(got) != 1 {
			t.Fatalf("List after Begin = %v, %v", got, err)
		}
		want.ID, want.Outcome, want.Origin = id, InFlight, f.Origin()
		if !reflect.DeepEqual(got[0], want) {
			t.Fatalf("begun entry:\n got %+v\nwant %+v", got[0], want)
		}
		result := Result{Outcome: Refused, Refusal: Refusal{Code: 100, Subcode: 2388002, FBTraceID: "AbC", Message: "not allowed"},
			StateAfter: "Active", Finished: t0().Add(2 * time.Second)}
		if err := f.Finish(ctx, id, result); err != nil {
			t.Fatal(err)
		}
		got, _ = f.List(ctx, Query{})
		want.Outcome, want.Refusal, want.StateAfter, want.Finished = Refused, result.Refusal, "Active", result.Finished
		if !reflect.DeepEqual(got[0], want) {
			t.Fatalf("finished entry:\n got %+v\nwant %+v", got[0], want)
		}
	})
}

func TestInFlightListsWhatWasNeverFinished(t *testing.T) {
	ctx := context.Background()
	journals().EachNew(t, func(t *testing.T, f *Store) {
		var ids []int64
		for i, obj := range []string{"1", "2", "3"} {
			id := begin(t, f, accept(obj, t0().Add(time.Duration(i)*time.Minute)))
			ids = append(ids, id)
		}
		if err := f.Finish(ctx, ids[1], Result{Outcome: Done, StateAfter: "Active", Finished: t0()}); err != nil {
			t.Fatal(err)
		}
		open, err := f.InFlight(ctx)
		if err != nil || len(open) != 2 || open[0].ObjectID != "1" || open[1].ObjectID != "3" {
			t.Fatalf("InFlight = %+v, %v; want entries 1 and 3, oldest first", open, err)
		}
		note := "read again after mps stopped before the outcome"
		if err := f.Finish(ctx, ids[0], Result{Outcome: Unknown, StateAfter: "Active", Finished: t0(), Note: note}); err != nil {
			t.Fatal(err)
		}
		if open, _ := f.InFlight(ctx); len(open) != 1 || open[0].ObjectID != "3" {
			t.Fatalf("after completing entry 1, InFlight = %+v", open)
		}
		if got, _ := f.List(ctx, Query{ObjectID: "1"}); len(got) != 1 || got[0].Note != note || got[0].Outcome != Unknown {
			t.Fatalf("entry 1 after its completion: %+v", got)
		}
	})
}

func TestListFiltersNewestFirst(t *testing.T) {
	ctx := context.Background()
	journals().EachNew(t, func(t *testing.T, f *Store) {
		for i, obj := range []string{"7", "8", "7", "9"} {
			if _, err := f.Begin(ctx, accept(obj, t0().Add(time.Duration(i)*time.Hour))); err != nil {
				t.Fatal(err)
			}
		}
		objects := func(q Query) string {
			got, err := f.List(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range got {
				ids = append(ids, e.ObjectID)
			}
			return strings.Join(ids, ",")
		}
		for _, c := range []struct {
			q    Query
			want string
		}{
			{Query{}, "9,7,8,7"},
			{Query{ObjectID: "7"}, "7,7"},
			{Query{Since: t0().Add(90 * time.Minute)}, "9,7"},
			{Query{Limit: 1}, "9"},
			{Query{ObjectID: "7", Since: t0().Add(time.Hour)}, "7"},
		} {
			if got := objects(c.q); got != c.want {
				t.Errorf("List(%+v) = %s, want %s", c.q, got, c.want)
			}
		}
	})
}

func TestCreateFillsInItsObjectAfter(t *testing.T) {
	ctx := context.Background()
	journals().EachNew(t, func(t *testing.T, f *Store) {
		id := begin(t, f, Entry{Started: t0(), Action: "create", ObjectName: "Northwind × Jaspers"})
		if err := f.Finish(ctx, id, Result{Outcome: Done, ObjectID: "555", StateAfter: "Pending", Finished: t0()}); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.List(ctx, Query{ObjectID: "555"}); len(got) != 1 || got[0].Action != "create" {
			t.Fatalf("the created solution's entry: %+v", got)
		}
	})
}

func TestBadCallsAreRefused(t *testing.T) {
	ctx := context.Background()
	journals().EachNew(t, func(t *testing.T, f *Store) {
		if _, err := f.Begin(ctx, Entry{ObjectID: "1"}); err == nil {
			t.Error("Begin took an entry without its action")
		}
		id, _ := f.Begin(ctx, accept("1", t0()))
		if err := f.Finish(ctx, id, Result{}); err == nil {
			t.Error("Finish took a result without an outcome")
		}
		if err := f.Finish(ctx, id+100, Result{Outcome: Done}); err == nil || !strings.Contains(err.Error(), "no entry") {
			t.Errorf("Finish of an entry that does not exist = %v", err)
		}
	})
}

func TestOpenExistingReadsWithoutMakingAJournal(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "profile")
	if _, err := OpenExisting(ctx, filepath.Join(dir, FileName)); !errors.Is(err, ErrNoJournal) {
		t.Fatalf("OpenExisting of no journal = %v, want ErrNoJournal", err)
	}
	w, err := Open(ctx, filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Begin(ctx, accept("1", t0())); err != nil {
		t.Fatal(err)
	}
	r, err := OpenExisting(ctx, w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, err := r.List(ctx, Query{}); err != nil || len(got) != 1 {
		t.Fatalf("List through a read-only journal = %v, %v", got, err)
	}
	if _, err := r.Begin(ctx, accept("2", t0())); err == nil {
		t.Fatal("Begin through a journal opened read-only worked")
	}
}

// A reason holding NUL is recorded, with U+FFFD in its place: PostgreSQL's
// text refuses NUL, and an action is not sent unless its entry is stored.
func TestAReasonWithNULIsRecorded(t *testing.T) {
	ctx := context.Background()
	journals().EachNew(t, func(t *testing.T, f *Store) {
		e := accept("1", t0())
		e.Reason = "moving\x00on"
		id := begin(t, f, e)
		if got, err := f.Get(ctx, id); err != nil || got.Reason != "moving\uFFFDon" {
			t.Fatalf("Get = %q, %v", got.Reason, err)
		}
	})
}

package journal

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"mps/store/sqlitefile"
)

// A journal of schema v1 (before origins and uids) keeps its entries when
// opened, each with a uid of its own, and takes new ones.
func TestMigrationFromVersion1GivesOldEntriesUIDs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	v1, err := sqlitefile.Open(ctx, path, schema(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, obj := range []string{"1", "2", "3"} {
		if _, err := v1.Exec(`INSERT INTO entries (started_ms, action, object_id) VALUES (1000, 'accept', ?)`, obj); err != nil {
			t.Fatal(err)
		}
	}
	v1.Close()

	f := journals().At(t, path)
	var rows, uids int
	if err := f.db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT uid) FROM entries WHERE length(uid) = 32`).Scan(&rows, &uids); err != nil {
		t.Fatal(err)
	}
	if rows != 3 || uids != 3 {
		t.Fatalf("after the upgrade, %d entries have a 32-digit uid, %d distinct; want 3 and 3", rows, uids)
	}
	id := begin(t, f, accept("4", t0()))
	if e, err := f.Get(ctx, id); err != nil || e.Origin != f.Origin() || e.ObjectID != "4" {
		t.Fatalf("Get(%d) after the upgrade = %+v, %v", id, e, err)
	}
	if old, err := f.List(ctx, Query{ObjectID: "2"}); err != nil || len(old) != 1 || old[0].Origin != "" {
		t.Fatalf("an entry from version 1 reads %+v, %v; want it with no origin", old, err)
	}
}

func TestGetReadsOneEntryOrSaysThereIsNone(t *testing.T) {
	ctx := context.Background()
	journals().EachNew(t, func(t *testing.T, f *Store) {
		var ids []int64
		for _, obj := range []string{"1", "2"} {
			id := begin(t, f, accept(obj, t0()))
			ids = append(ids, id)
		}
		if e, err := f.Get(ctx, ids[1]); err != nil || e.ID != ids[1] || e.ObjectID != "2" || e.Outcome != InFlight {
			t.Fatalf("Get(%d) = %+v, %v", ids[1], e, err)
		}
		if _, err := f.Get(ctx, ids[1]+100); !errors.Is(err, ErrNoEntry) {
			t.Fatalf("Get of an ID not there = %v, want ErrNoEntry", err)
		}
		if err := f.Finish(ctx, ids[1]+100, Result{Outcome: Done}); !errors.Is(err, ErrNoEntry) {
			t.Fatalf("Finish of an ID not there = %v, want ErrNoEntry", err)
		}
	})
}

// Each handle has an origin of its own, which Begin gives its entries: a
// second Open of the same journal (another run of mps) has another.
func TestEachHandleGivesItsEntriesItsOrigin(t *testing.T) {
	ctx := context.Background()
	journals().Each(t, func(t *testing.T, eng engine) {
		at := eng.Fresh(t)
		first, second := journals().At(t, at), journals().At(t, at)
		if first.Origin() == "" || first.Origin() == second.Origin() {
			t.Fatalf("origins %q and %q; want two different ones", first.Origin(), second.Origin())
		}
		e := accept("1", t0())
		e.Origin = "forged"
		id, err := second.Begin(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := first.Get(ctx, id); err != nil || got.Origin != second.Origin() {
			t.Fatalf("the entry second began reads origin %q (%v), want %q", got.Origin, err, second.Origin())
		}
	})
}

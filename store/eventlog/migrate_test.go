package eventlog

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// openVersion makes a log of an older schema version at a new path, for a
// test of the migration from it; the test closes it before opening path.
func openVersion(t *testing.T, version int) (l *Log, path string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), FileName)
	l, err := open(context.Background(), path, version)
	if err != nil {
		t.Fatal(err)
	}
	return l, path
}

func TestMigrationFromVersion1KeepsRowsAndFillsNewColumns(t *testing.T) {
	ctx := context.Background()
	v1, path := openVersion(t, 1)
	_, err := v1.db.Exec(`INSERT INTO events (dedup_key, received_ms, entry_ms, field, event, waba_id, raw) VALUES
		('old-installed', 1000, 1000, 'account_update', 'PARTNER_APP_INSTALLED', '7',
		 '{"field":"account_update","value":{"event":"PARTNER_APP_INSTALLED","waba_info":{"waba_id":"7","partner_app_id":"934567812345678"}}}'),
		('old-unknown', 2000, NULL, 'messages', '', '', 'not json')`)
	if err != nil {
		t.Fatal(err)
	}
	v1.Close()

	l := logs().At(t, path)
	wantCurrentSchema(t, l)
	got, err := l.List(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d rows after migration, want the 2 from version 1", len(got))
	}
	if got[0].PartnerAppID != "934567812345678" || !got[0].Known {
		t.Errorf("version-1 row not filled in from its raw payload: %+v", got[0])
	}
	if got[1].Key != "old-unknown" || string(got[1].Raw) != "not json" || got[1].Known {
		t.Errorf("unreadable version-1 row changed: %+v", got[1])
	}
	// New writes work on the migrated log, and dedup still holds for old keys.
	e := partnerAdded("old-installed", "7", "9", t0())
	if n, err := l.Append(ctx, []Event{e, partnerAdded("new", "8", "9", t0())}); err != nil || n != 1 {
		t.Fatalf("Append after migration = %d, %v; want 1", n, err)
	}
}

func wantCurrentSchema(t *testing.T, l *Log) {
	t.Helper()
	var version int
	if err := l.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() {
		t.Fatalf("user_version = %d, %v; want %d", version, err, SchemaVersion())
	}
}

func TestReopeningDoesNotMigrateAgain(t *testing.T) {
	ctx := context.Background()
	logs().Each(t, func(t *testing.T, eng engine) {
		at := eng.Fresh(t)
		for i := range 3 {
			l, err := logs().Either(ctx, at)
			if err != nil {
				t.Fatalf("open %d: %v", i, err)
			}
			if _, err := l.Append(ctx, []Event{partnerAdded(strings.Repeat("k", i+1), "1", "9", t0())}); err != nil {
				t.Fatal(err)
			}
			l.Close()
		}
		l, _ := logs().Either(ctx, at)
		defer l.Close()
		if got, _ := l.List(ctx, Query{}); len(got) != 3 {
			t.Fatalf("%d rows after three opens, want 3", len(got))
		}
	})
}

func TestNewerSchemaIsRefusedNotTouched(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	l.Append(ctx, []Event{partnerAdded("k", "1", "9", t0())})
	l.db.Exec("PRAGMA user_version = 99")
	l.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "upgrade mps") {
		t.Fatalf("Open of a newer schema: %v", err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows int
	if err := db.QueryRow("SELECT COUNT(*) FROM events").Scan(&rows); err != nil || rows != 1 {
		t.Fatalf("the refused log has %d rows (%v), want 1", rows, err)
	}
}

// A log written by the previous schema (version 2) gets the indexes of
// version 3 in place when opened: same rows, same answers, and the plans of
// TestEveryReadSearchesAnIndex.
func TestMigrationFromVersion2AddsTheIndexesInPlace(t *testing.T) {
	ctx := context.Background()
	v2, path := openVersion(t, 2)
	removed := partnerAdded("r2", "2", "A", t0().Add(time.Hour))
	removed.Event = EventPartnerRemoved
	events := []Event{
		partnerAdded("p1", "1", "A", t0()),
		partnerAdded("p2", "2", "A", t0().Add(time.Minute)),
		removed,
		partnerAdded("p1-b", "1", "B", t0().Add(2*time.Hour)),
		partnerAdded("p3", "3", "B", t0().Add(3*time.Hour)),
		solutionEvent("s1", "SOLUTION_CREATED", "INITIATED", t0()),
	}
	if _, err := v2.Append(ctx, events); err != nil {
		t.Fatal(err)
	}
	oldSeen, err := v2.WABAsSeen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	oldTotal, oldPer, err := v2.CountPartnerAdded(ctx, t0().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	v2.Close()

	l := logs().At(t, path)
	wantCurrentSchema(t, l)
	checkPlans(t, l)
	if got, _ := l.List(ctx, Query{}); len(got) != len(events) {
		t.Fatalf("%d rows after the upgrade, want %d", len(got), len(events))
	}
	seen, err := l.WABAsSeen(ctx)
	if err != nil || !reflect.DeepEqual(seen, oldSeen) {
		t.Errorf("WABAsSeen after the upgrade = %+v, %v; before it %+v", seen, err, oldSeen)
	}
	total, per, err := l.CountPartnerAdded(ctx, t0().Add(time.Minute))
	if err != nil || total != oldTotal || !reflect.DeepEqual(per, oldPer) {
		t.Errorf("CountPartnerAdded after the upgrade = %d %v %v; before it %d %v", total, per, err, oldTotal, oldPer)
	}
}

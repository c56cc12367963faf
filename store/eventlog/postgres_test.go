package eventlog

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"mps/store/postgres"
	"mps/store/storetest"
)

// Processes opening a new event log at once (a receiver and a dashboard
// starting together) all open it, and it is migrated once: a second run
// of the migration would fail on the table it makes.
func TestOpeningANewPostgresLogAtOnceMigratesOnce(t *testing.T) {
	ctx := context.Background()
	url := storetest.Postgres(t)
	const opens = 4
	errs := make([]error, opens)
	var wg sync.WaitGroup
	for i := range opens {
		wg.Go(func() {
			l, err := OpenPostgres(ctx, url, postgres.Options{})
			if err == nil {
				_, err = l.Append(ctx, []Event{partnerAdded(fmt.Sprint("k", i), "1", "9", t0())})
				l.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
	}
	l := logs().At(t, url)
	var version int
	if err := l.db.QueryRow(`SELECT version FROM mps_schema WHERE name = 'event log'`).Scan(&version); err != nil || version != len(pgMigrations()) {
		t.Fatalf("mps_schema says %d, %v; want %d", version, err, len(pgMigrations()))
	}
	if got, _ := l.List(ctx, Query{}); len(got) != opens {
		t.Fatalf("%d events after %d opens wrote one each", len(got), opens)
	}
}

// Two receivers given the same deliveries at once, each batch in its own
// order, store each event once, and between them report each as new once.
func TestTwoWritersOfTheSameKeysStoreEachOnce(t *testing.T) {
	ctx := context.Background()
	url := storetest.Postgres(t)
	writers := []*Log{logs().At(t, url), logs().At(t, url)}
	const batches, size = 40, 25
	inserted := make([]int, len(writers))
	errs := make([]error, len(writers))
	var wg sync.WaitGroup
	for w, l := range writers {
		wg.Go(func() {
			for b := range batches {
				batch := make([]Event, size)
				for i := range batch {
					k := i
					if w == 1 {
						k = size - 1 - i // the other order
					}
					batch[i] = partnerAdded(fmt.Sprintf("d%d-%d", b, k), fmt.Sprint(b*size+k), "9", t0())
				}
				n, err := l.Append(ctx, batch)
				if err != nil {
					errs[w] = err
					return
				}
				inserted[w] += n
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if inserted[0]+inserted[1] != batches*size {
		t.Fatalf("the writers reported %d and %d new events, want %d in all", inserted[0], inserted[1], batches*size)
	}
	all, err := writers[0].List(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, e := range all {
		if keys[e.Key] {
			t.Fatalf("%s stored twice", e.Key)
		}
		keys[e.Key] = true
	}
	if len(keys) != batches*size {
		t.Fatalf("%d events stored, want %d", len(keys), batches*size)
	}
}

func TestANewerPostgresLogIsRefusedNotTouched(t *testing.T) {
	ctx := context.Background()
	url := storetest.Postgres(t)
	l := logs().At(t, url)
	if _, err := l.Append(ctx, []Event{partnerAdded("k", "1", "9", t0())}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.db.Exec(`UPDATE mps_schema SET version = 99 WHERE name = 'event log'`); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenPostgres(ctx, url, postgres.Options{}); err == nil || !strings.Contains(err.Error(), "upgrade mps") {
		t.Fatalf("OpenPostgres of a newer schema: %v", err)
	}
	if got, _ := l.List(ctx, Query{}); len(got) != 1 {
		t.Fatalf("the refused log has %d events, want 1", len(got))
	}
}

func TestWhereNamesTheLogWithoutThePassword(t *testing.T) {
	url := storetest.Postgres(t)
	if w := logs().At(t, url).Where(); w != postgres.Redact(url) || w == "" {
		t.Errorf("Where() on PostgreSQL = %q, want %q", w, postgres.Redact(url))
	}
	if l := logs().Temp(t); l.Where() != l.Path() {
		t.Errorf("Where() on SQLite = %q, want the path %q", l.Where(), l.Path())
	}
}

// The receiver needs only INSERT and SELECT on events (and to read the
// schema's version); a dashboard only SELECT, and may not write events.
func TestTheLeastPrivilegesAreEnough(t *testing.T) {
	ctx := context.Background()
	url := storetest.Postgres(t)
	logs().At(t, url) // the owner migrates
	receiver := logs().At(t, storetest.PostgresRole(t, url, "SELECT, INSERT ON events", "SELECT ON mps_schema"))
	dashboard := logs().At(t, storetest.PostgresRole(t, url, "SELECT ON events, mps_schema"))
	follow, err := dashboard.Follow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	e := partnerAdded("k1", "1", "9", t0())
	for want := range []int{1, 0} { // new, then a redelivery
		if n, err := receiver.Append(ctx, []Event{e}); err != nil || n != 1-want {
			t.Fatalf("the receiver's Append = %d, %v; want %d", n, err, 1-want)
		}
	}
	storetest.Receive(t, follow, "the dashboard following the receiver's commit")
	if got, err := dashboard.List(ctx, Query{}); err != nil || len(got) != 1 {
		t.Fatalf("the dashboard's List = %d events, %v", len(got), err)
	}
	if _, err := dashboard.WABAsSeen(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := dashboard.Append(ctx, []Event{partnerAdded("k2", "2", "9", t0())}); err == nil {
		t.Fatal("a dashboard role without INSERT stored an event")
	}
}

package eventlog

import (
	"context"
	"errors"
	"runtime"
	"testing"
)

// everyRead runs each of the package's reads once.
func everyRead(l *Log) map[string]func(context.Context) error {
	return map[string]func(context.Context) error{
		"WABAsSeen": func(ctx context.Context) error { _, err := l.WABAsSeen(ctx); return err },
		"CountPartnerAdded": func(ctx context.Context) error {
			_, _, err := l.CountPartnerAdded(ctx, t0())
			return err
		},
		"List": func(ctx context.Context) error { _, err := l.List(ctx, Query{Field: "account_update"}); return err },
	}
}

func TestAReadWithACancelledContextSaysSo(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		if _, err := l.Append(context.Background(), []Event{partnerAdded("k", "1", "A", t0())}); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		for name, read := range everyRead(l) {
			if err := read(ctx); !errors.Is(err, context.Canceled) {
				t.Errorf("%s with a cancelled context: %v, want context.Canceled", name, err)
			}
		}
	})
}

// bigLog has n PARTNER_ADDED rows for distinct WABAs across 100 solutions,
// on eng, written by the database itself so that the test does not wait
// for n appends.
func bigLog(t *testing.T, eng engine, n int) *Log {
	t.Helper()
	l := logs().New(t, eng)
	_, err := l.db.Exec(l.pg.Rebind(`INSERT INTO events (dedup_key, received_ms, entry_ms, field, event, solution_id, waba_id, raw)
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		SELECT 'k' || i, i, i, 'account_update', 'PARTNER_ADDED', 's' || (i % 100), 'w' || i, '{}' FROM n`), n)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// A read stopped mid-query returns context.Canceled: SQLite stops the
// statement (the driver interrupts it), PostgreSQL cancels it, rather than
// reading on for a view that is gone. Listing 20,000 WABAs takes tens of milliseconds; the cancel
// comes as soon as the read holds its connection.
func TestCancellingStopsAReadMidQuery(t *testing.T) {
	logs().Each(t, func(t *testing.T, eng engine) {
		l := bigLog(t, eng, 20_000)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			for l.db.Stats().InUse == 0 && ctx.Err() == nil {
				runtime.Gosched()
			}
			cancel()
		}()
		if _, err := l.WABAsSeen(ctx); !errors.Is(err, context.Canceled) {
			t.Fatalf("WABAsSeen cancelled as it started: %v, want context.Canceled", err)
		}
	})
}

package eventlog_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"mps/store/eventlog"
	"mps/store/eventlog/eventlogtest"
	"mps/store/postgres"
	"mps/store/storetest"
)

// BenchmarkReconcileReads is what `mps reconcile` reads from the event log
// (every WABA webhooks reported, and the week's onboarding count of the
// gauge) on a busy Tech Provider's 100,000 events, on each engine: the
// same data, so that PostgreSQL's figure reads against SQLite's. The log is
// written once per run, through Append as the receiver writes it.
func BenchmarkReconcileReads(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run("engine="+engine+"/events="+strconv.Itoa(n), func(b *testing.B) {
			var l *eventlog.Log
			var err error
			if engine == "postgres" {
				l, err = eventlog.OpenPostgres(ctx, storetest.Postgres(b), postgres.Options{})
			} else {
				l, err = eventlog.Open(ctx, filepath.Join(b.TempDir(), eventlog.FileName))
			}
			if err != nil {
				b.Fatal(err)
			}
			defer l.Close()
			if err := eventlogtest.Fill(ctx, l, n, eventlogtest.Realistic()); err != nil {
				b.Fatal(err)
			}
			weekAgo := eventlogtest.Start().Add(time.Duration(n)*time.Minute - 7*24*time.Hour)
			for b.Loop() {
				seen, err := l.WABAsSeen(ctx)
				if err != nil {
					b.Fatal(err)
				}
				total, _, err := l.CountPartnerAdded(ctx, weekAgo)
				if err != nil {
					b.Fatal(err)
				}
				if len(seen) == 0 || total == 0 {
					b.Fatalf("%d WABAs seen, %d onboarded this week: the log is not what was written", len(seen), total)
				}
			}
		})
	}
}

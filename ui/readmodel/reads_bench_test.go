package readmodel

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"mps/store/eventlog"
	"mps/store/eventlog/eventlogtest"
)

// BenchmarkLogReads is the event log's side of `mps reconcile` (the WABAs
// webhooks reported and the week's onboarding gauge) and of
// `customers --solution` (the same WABAs, narrowed to one solution; the
// inspector's customer list makes the same read), on logs of 10,000 and
// 100,000 events of a busy Tech Provider. Each log is written once.
func BenchmarkLogReads(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10_000, 100_000} {
		b.Run("events="+strconv.Itoa(n), func(b *testing.B) {
			l, err := eventlog.Open(ctx, filepath.Join(b.TempDir(), eventlog.FileName))
			if err != nil {
				b.Fatal(err)
			}
			defer l.Close()
			if err := eventlogtest.Fill(ctx, l, n, eventlogtest.Realistic()); err != nil {
				b.Fatal(err)
			}
			now := eventlogtest.Start().Add(time.Duration(n) * time.Minute)
			solution := eventlogtest.SolutionID(7)
			b.Run("reconcile", func(b *testing.B) {
				for b.Loop() {
					seen, err := l.WABAsSeen(ctx)
					if err != nil {
						b.Fatal(err)
					}
					g, err := ReadGauge(ctx, l, now)
					if err != nil {
						b.Fatal(err)
					}
					if len(seen) == 0 || g.Total == 0 {
						b.Fatalf("%d WABAs seen, %d onboarded this week: the log is not what was written", len(seen), g.Total)
					}
				}
			})
			b.Run("customers", func(b *testing.B) {
				for b.Loop() {
					seen, err := l.WABAsSeen(ctx)
					if err != nil {
						b.Fatal(err)
					}
					if len(Onboarded(seen, solution, nil)) == 0 {
						b.Fatalf("no customers of solution %s", solution)
					}
				}
			})
		})
	}
}

package ui

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"mps/store/journal"
)

// BenchmarkTeammateNotice is the time from the commit of a teammate's
// action in the shared journal to the other dashboard's screen: the frame
// whose View first shows the notice naming who did what. Its baseline is
// the store's part alone: the same commit reaching a bare subscription to
// the journal (LISTEN/NOTIFY and nothing else). Target: p99 < 100 ms.
// One op is noticeSamples actions, so that a run of the default benchtime
// has enough of them for its p99.
func BenchmarkTeammateNotice(b *testing.B) {
	tm := newTeam(b)
	bo := tm.dashboard("bo", "bo@example.com", tm.db, 100, 30)
	bo.waitScreen("Social OVD with Northwind")
	ana := tm.journal(tm.db)
	bare := tm.journal(tm.db)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	changes, err := bare.Follow(ctx)
	if err != nil {
		b.Fatal(err)
	}
	id := sandboxID(b, tm.sb, "Social OVD with Northwind")
	var screen, store []time.Duration
	b.ResetTimer()
	for i := range b.N * noticeSamples {
		name := fmt.Sprintf("Bench %d", i)
		entry, err := ana.Begin(ctx, journal.Entry{Started: time.Now(), User: "ana@example.com", Action: "accept", ObjectID: id, ObjectName: name})
		if err != nil {
			b.Fatal(err)
		}
		waitChange(b, changes, entry, journal.InFlight)
		// Teammates' actions seconds apart: each notice takes the last one's place.
		bo.clock.advance(noticeHold)
		seen := bo.watch(`ana@example.com accepted "` + name + `"`)
		committing := time.Now()
		if err := ana.Finish(ctx, entry, journal.Result{Outcome: journal.Done, StateAfter: "Active", Finished: time.Now()}); err != nil {
			b.Fatal(err)
		}
		store = append(store, waitChange(b, changes, entry, journal.Done).Sub(committing))
		select {
		case at := <-seen:
			screen = append(screen, at.Sub(committing))
		case <-time.After(liveWait):
			b.Fatalf("the notice of entry %d never showed:\n%s", entry, bo.screen())
		}
	}
	b.StopTimer()
	b.ReportMetric(percentile(screen, 50), "p50-ms")
	b.ReportMetric(percentile(screen, 99), "p99-ms")
	b.ReportMetric(percentile(store, 50), "store-p50-ms")
	b.ReportMetric(percentile(store, 99), "store-p99-ms")
}

// noticeSamples is how many teammates' actions one op of
// BenchmarkTeammateNotice times.
const noticeSamples = 100

// waitChange waits for the change of entry id to outcome on a bare
// subscription, and says when it came.
func waitChange(b *testing.B, changes <-chan journal.Change, id int64, outcome journal.Outcome) time.Time {
	b.Helper()
	timeout := time.After(liveWait)
	for {
		select {
		case c := <-changes:
			if c.ID == id && c.Outcome == outcome {
				return time.Now()
			}
		case <-timeout:
			b.Fatalf("no change of entry %d to %s", id, outcome)
		}
	}
}

// percentile is the p-th percentile of ds, in milliseconds (nearest rank).
func percentile(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	rank := max((p*len(sorted)+99)/100, 1)
	return float64(sorted[rank-1]) / float64(time.Millisecond)
}

package eventlog

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// previousWABAsSeenSQL is how schema v2 answered WABAsSeen, one search per
// WABA: correct but quadratic. WABAsSeen must answer as it did.
const previousWABAsSeenSQL = `SELECT waba_id,
		(SELECT e2.solution_id FROM events e2
		 WHERE e2.waba_id = e.waba_id AND e2.field = 'account_update' AND e2.event = ?
		 ORDER BY e2.id DESC LIMIT 1),
		MIN(COALESCE(entry_ms, received_ms)),
		(SELECT e3.event FROM events e3
		 WHERE e3.waba_id = e.waba_id AND e3.field = 'account_update' AND e3.event IN (?, ?)
		 ORDER BY COALESCE(e3.entry_ms, e3.received_ms) DESC, e3.id DESC LIMIT 1) = ?
	FROM events e
	WHERE field = 'account_update' AND event = ? AND waba_id != ''
	GROUP BY waba_id ORDER BY waba_id`

func previousWABAsSeen(t *testing.T, l *Log) []SeenWABA {
	t.Helper()
	return queryAll(t, l, func(rows *sql.Rows) (SeenWABA, error) {
		var s SeenWABA
		var firstMS int64
		err := rows.Scan(&s.WABAID, &s.SolutionID, &firstMS, &s.Removed)
		s.FirstSeen = time.UnixMilli(firstMS).UTC()
		return s, err
	}, previousWABAsSeenSQL, EventPartnerAdded,
		EventPartnerAdded, EventPartnerRemoved, EventPartnerRemoved, EventPartnerAdded)
}

// On random logs of reports, removals, redeliveries out of order, events
// without a time of their own and ties to the millisecond, WABAsSeen
// answers as the previous per-WABA query did.
func TestWABAsSeenAnswersAsThePreviousQuery(t *testing.T) {
	ctx := context.Background()
	logs().EachNew(t, func(t *testing.T, l *Log) {
		for seed := range uint64(20) {
			rng := rand.New(rand.NewPCG(seed, 1))
			if _, err := l.db.Exec("DELETE FROM events"); err != nil {
				t.Fatal(err)
			}
			var events []Event
			for i := range 300 {
				waba := fmt.Sprint(1000 + rng.IntN(40))
				if rng.IntN(20) == 0 {
					waba = ""
				}
				at := t0().Add(time.Duration(rng.IntN(30)) * time.Minute) // many ties
				e := partnerAdded(fmt.Sprint("k", i), waba, fmt.Sprint("s", rng.IntN(4)), at)
				if rng.IntN(3) == 0 {
					e.Event, e.SolutionID = EventPartnerRemoved, ""
				}
				if rng.IntN(5) == 0 {
					e.EntryTime = time.Time{} // received only
				}
				events = append(events, e)
			}
			if _, err := l.Append(ctx, events); err != nil {
				t.Fatal(err)
			}
			got, err := l.WABAsSeen(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if want := previousWABAsSeen(t, l); !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d: WABAsSeen =\n%+v\nthe previous query =\n%+v", seed, got, want)
			}
		}
	})
}

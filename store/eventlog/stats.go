package eventlog

import (
	"context"
	"time"
)

// EventPartnerAdded is the account_update event that marks an onboarded customer.
const EventPartnerAdded = "PARTNER_ADDED"

// EventPartnerRemoved is the account_update event that marks a customer gone.
const EventPartnerRemoved = "PARTNER_REMOVED"

// CountPartnerAdded counts the distinct customers (WABAs) that PARTNER_ADDED
// events reported at or after since (by the event's own time, else when it
// was received), in total and per solution ID. A PARTNER_ADDED without a
// WABA ID counts once per stored event.
func (l *Log) CountPartnerAdded(ctx context.Context, since time.Time) (total int, perSolution map[string]int, err error) {
	const what = "counting onboardings"
	rows, err := l.db.QueryContext(ctx, countPartnerAddedSQL, EventPartnerAdded, since.UnixMilli())
	if err != nil {
		return 0, nil, readErr(ctx, what, err)
	}
	defer rows.Close()
	perSolution = map[string]int{}
	for rows.Next() {
		var solution string
		var n int
		if err := rows.Scan(&solution, &n); err != nil {
			return 0, nil, readErr(ctx, what, err)
		}
		perSolution[solution] = n
	}
	if err := rows.Err(); err != nil {
		return 0, nil, readErr(ctx, what, err)
	}
	if err := l.db.QueryRowContext(ctx, countPartnerAddedTotalSQL, EventPartnerAdded, since.UnixMilli()).Scan(&total); err != nil {
		return 0, nil, readErr(ctx, what, err)
	}
	return total, perSolution, nil
}

// SeenWABA is a WABA that a PARTNER_ADDED event reported.
type SeenWABA struct {
	WABAID     string
	SolutionID string    // of the latest report
	FirstSeen  time.Time // the earliest report's own time
	// Removed is true when the WABA's latest PARTNER_ADDED/PARTNER_REMOVED
	// event is a PARTNER_REMOVED.
	Removed bool
}

// WABAsSeen lists every WABA that a PARTNER_ADDED event reported, by WABA ID.
// Its cost grows as N log N in the log's size; ctx stops it.
func (l *Log) WABAsSeen(ctx context.Context) ([]SeenWABA, error) {
	const what = "listing reported WABAs"
	rows, err := l.db.QueryContext(ctx, wabasSeenSQL, EventPartnerAdded,
		EventPartnerAdded, EventPartnerRemoved, EventPartnerRemoved, EventPartnerAdded)
	if err != nil {
		return nil, readErr(ctx, what, err)
	}
	defer rows.Close()
	var out []SeenWABA
	for rows.Next() {
		var s SeenWABA
		var firstMS int64
		if err := rows.Scan(&s.WABAID, &s.SolutionID, &firstMS, &s.Removed); err != nil {
			return nil, readErr(ctx, what, err)
		}
		s.FirstSeen = time.UnixMilli(firstMS).UTC()
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, readErr(ctx, what, err)
	}
	return out, nil
}

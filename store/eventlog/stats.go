package eventlog

import (
	"context"
	"fmt"
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
	const q = `SELECT solution_id, COUNT(DISTINCT CASE WHEN waba_id != '' THEN waba_id ELSE dedup_key END)
		FROM events
		WHERE field = 'account_update' AND event = ? AND COALESCE(entry_ms, received_ms) >= ?
		GROUP BY solution_id`
	rows, err := l.db.QueryContext(ctx, q, EventPartnerAdded, since.UnixMilli())
	if err != nil {
		return 0, nil, fmt.Errorf("event log: counting onboardings: %w", err)
	}
	defer rows.Close()
	perSolution = map[string]int{}
	for rows.Next() {
		var solution string
		var n int
		if err := rows.Scan(&solution, &n); err != nil {
			return 0, nil, fmt.Errorf("event log: counting onboardings: %w", err)
		}
		perSolution[solution] = n
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("event log: counting onboardings: %w", err)
	}
	// The total counts each WABA once even if two solutions reported it.
	const totalQ = `SELECT COUNT(DISTINCT CASE WHEN waba_id != '' THEN waba_id ELSE dedup_key END)
		FROM events
		WHERE field = 'account_update' AND event = ? AND COALESCE(entry_ms, received_ms) >= ?`
	if err := l.db.QueryRowContext(ctx, totalQ, EventPartnerAdded, since.UnixMilli()).Scan(&total); err != nil {
		return 0, nil, fmt.Errorf("event log: counting onboardings: %w", err)
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
func (l *Log) WABAsSeen(ctx context.Context) ([]SeenWABA, error) {
	const q = `SELECT waba_id,
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
	rows, err := l.db.QueryContext(ctx, q, EventPartnerAdded,
		EventPartnerAdded, EventPartnerRemoved, EventPartnerRemoved, EventPartnerAdded)
	if err != nil {
		return nil, fmt.Errorf("event log: listing reported WABAs: %w", err)
	}
	defer rows.Close()
	var out []SeenWABA
	for rows.Next() {
		var s SeenWABA
		var firstMS int64
		if err := rows.Scan(&s.WABAID, &s.SolutionID, &firstMS, &s.Removed); err != nil {
			return nil, fmt.Errorf("event log: listing reported WABAs: %w", err)
		}
		s.FirstSeen = time.UnixMilli(firstMS).UTC()
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("event log: listing reported WABAs: %w", err)
	}
	return out, nil
}

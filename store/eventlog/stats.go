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
	rows, err := l.query(ctx, countPartnerAddedSQL, EventPartnerAdded, since.UnixMilli())
	if err != nil {
		return 0, nil, l.readErr(ctx, what, err)
	}
	defer rows.Close()
	perSolution = map[string]int{}
	for rows.Next() {
		var solution string
		var n int
		if err := rows.Scan(&solution, &n); err != nil {
			return 0, nil, l.readErr(ctx, what, err)
		}
		perSolution[solution] = n
	}
	if err := rows.Err(); err != nil {
		return 0, nil, l.readErr(ctx, what, err)
	}
	if err := l.queryRow(ctx, countPartnerAddedTotalSQL, EventPartnerAdded, since.UnixMilli()).Scan(&total); err != nil {
		return 0, nil, l.readErr(ctx, what, err)
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
// It reads each report once, in order (the log's size N, not N x WABAs);
// ctx stops it.
func (l *Log) WABAsSeen(ctx context.Context) ([]SeenWABA, error) {
	removed := map[string]report{}
	err := l.reportsByWABA(ctx, EventPartnerRemoved, func(r report) {
		if r.after(removed[r.waba]) {
			removed[r.waba] = r
		}
	})
	if err != nil {
		return nil, err
	}
	var out []SeenWABA
	var latest report // the current WABA's latest PARTNER_ADDED by its own time
	done := func() {
		if len(out) > 0 {
			last := &out[len(out)-1]
			last.Removed = removed[last.WABAID].after(latest)
		}
	}
	err = l.reportsByWABA(ctx, EventPartnerAdded, func(r report) {
		if len(out) == 0 || out[len(out)-1].WABAID != r.waba {
			done()
			out = append(out, SeenWABA{WABAID: r.waba, FirstSeen: r.at})
			latest = r
		}
		s := &out[len(out)-1]
		s.SolutionID = r.solution // reports come in ID order: the latest wins
		if r.at.Before(s.FirstSeen) {
			s.FirstSeen = r.at
		}
		if r.after(latest) {
			latest = r
		}
	})
	if err != nil {
		return nil, err
	}
	done()
	return out, nil
}

// report is one PARTNER_ADDED or PARTNER_REMOVED of a WABA.
type report struct {
	waba, solution string
	id             int64
	at             time.Time // the event's own time, else when it was received
}

// after orders reports by their own time, then by ID (the later stored).
// The zero report is before every other.
func (r report) after(o report) bool {
	if !r.at.Equal(o.at) {
		return r.at.After(o.at)
	}
	return r.id > o.id
}

// reportsByWABA gives each report of event to each, in WABA then ID order.
func (l *Log) reportsByWABA(ctx context.Context, event string, each func(report)) error {
	const what = "listing reported WABAs"
	rows, err := l.query(ctx, reportsByWABASQL, event)
	if err != nil {
		return l.readErr(ctx, what, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r report
		var atMS int64
		if err := rows.Scan(&r.waba, &r.id, &r.solution, &atMS); err != nil {
			return l.readErr(ctx, what, err)
		}
		r.at = time.UnixMilli(atMS).UTC()
		each(r)
	}
	if err := rows.Err(); err != nil {
		return l.readErr(ctx, what, err)
	}
	return nil
}

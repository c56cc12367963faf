package eventlog

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Every SQL read of the package is in this file, so that the plan test can
// run EXPLAIN QUERY PLAN on each (reads lists them): a read that searches
// the log row by row instead of through an index fails it.

// countPartnerAddedSQL counts the distinct WABAs PARTNER_ADDED reported per
// solution since a time. It reads the window only, through events_event_when.
const countPartnerAddedSQL = `SELECT solution_id, COUNT(DISTINCT CASE WHEN waba_id != '' THEN waba_id ELSE dedup_key END)
	FROM events
	WHERE event = ? AND field = 'account_update' AND COALESCE(entry_ms, received_ms) >= ?
	GROUP BY solution_id`

// countPartnerAddedTotalSQL is the same count over all solutions: a WABA two
// solutions reported counts once.
const countPartnerAddedTotalSQL = `SELECT COUNT(DISTINCT CASE WHEN waba_id != '' THEN waba_id ELSE dedup_key END)
	FROM events
	WHERE event = ? AND field = 'account_update' AND COALESCE(entry_ms, received_ms) >= ?`

// reportsByWABASQL walks one account_update event's reports in WABA order,
// and per WABA in ID order: a single pass over events_event_waba, which
// holds every column it reads, without a sort or a per-WABA search.
const reportsByWABASQL = `SELECT waba_id, id, solution_id, COALESCE(entry_ms, received_ms)
	FROM events
	WHERE event = ? AND field = 'account_update' AND waba_id > ''
	ORDER BY waba_id, id`

const selectEventsSQL = `SELECT id, dedup_key, received_ms, entry_ms, entry_id, object, field, event,
	solution_id, waba_id, status, business_ids, raw, owner_business_id, partner_app_id, known
FROM events`

// listSQL is List's statement for q. Without a filter it reads the whole
// log (the only read that may scan it: its output is every row).
// sqliteHints adds SQLite's INDEXED BY where its planner needs one.
func listSQL(q Query, sqliteHints bool) (string, []any) {
	var where []string
	var args []any
	if q.AfterID > 0 {
		where, args = append(where, "id > ?"), append(args, q.AfterID)
	}
	if !q.Since.IsZero() {
		where, args = append(where, "received_ms >= ?"), append(args, q.Since.UnixMilli())
	}
	if q.Field != "" {
		where, args = append(where, "field = ?"), append(args, q.Field)
	}
	if q.Event != "" {
		where, args = append(where, "event = ?"), append(args, q.Event)
	}
	stmt := selectEventsSQL
	if !q.Since.IsZero() && sqliteHints {
		// Left to itself, SQLite walks the whole log in ID order rather
		// than the window and a sort.
		stmt += " INDEXED BY events_received"
	}
	if len(where) > 0 {
		stmt += " WHERE " + strings.Join(where, " AND ")
	}
	stmt += " ORDER BY id"
	if q.Limit > 0 {
		stmt, args = stmt+" LIMIT ?", append(args, q.Limit)
	}
	return stmt, args
}

// read is one statement the package runs, with arguments of the kinds it takes.
type read struct {
	name string
	sql  string
	args []any
	// whole is set for the listing of the whole log, which may scan it.
	whole bool
}

// reads is every read statement: the fixed ones, and List's for each
// combination of its filters.
func reads() []read {
	out := []read{
		{"CountPartnerAdded per solution", countPartnerAddedSQL, []any{EventPartnerAdded, int64(0)}, false},
		{"CountPartnerAdded total", countPartnerAddedTotalSQL, []any{EventPartnerAdded, int64(0)}, false},
		{"WABAsSeen's reports", reportsByWABASQL, []any{EventPartnerAdded}, false},
	}
	for mask := range 1 << 5 {
		var q Query
		var name []string
		set := func(bit int, label string, apply func()) {
			if mask&(1<<bit) != 0 {
				apply()
				name = append(name, label)
			}
		}
		set(0, "since", func() { q.Since = time.UnixMilli(1) })
		set(1, "field", func() { q.Field = "account_update" })
		set(2, "event", func() { q.Event = EventPartnerAdded })
		set(3, "after", func() { q.AfterID = 1 })
		set(4, "limit", func() { q.Limit = 1000 })
		stmt, args := listSQL(q, true)
		out = append(out, read{"List " + strings.Join(append([]string{"all"}, name...), "+"), stmt, args, len(name) == 0 || mask == 1<<4})
	}
	return out
}

// readErr wraps a failed read. Once ctx is done the error is ctx's own:
// SQLite reports a statement stopped for it as "interrupted".
func (l *Log) readErr(ctx context.Context, what string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		err = ctxErr
	}
	return l.pg.Err(ctx, fmt.Errorf("event log: %s: %w", what, err))
}

// query runs one of the reads above, in the log's dialect.
func (l *Log) query(ctx context.Context, stmt string, args ...any) (*sql.Rows, error) {
	stmt = l.pg.Rebind(stmt)
	return l.db.QueryContext(ctx, stmt, args...)
}

// queryRow is query for a read of one row.
func (l *Log) queryRow(ctx context.Context, stmt string, args ...any) *sql.Row {
	stmt = l.pg.Rebind(stmt)
	return l.db.QueryRowContext(ctx, stmt, args...)
}

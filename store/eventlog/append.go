package eventlog

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"mps/store/postgres"
)

// insertColumns are the events table's columns Append writes, in the
// order of insertArgs.
const insertColumns = `dedup_key, received_ms, entry_ms, entry_id, object, field, event,
	solution_id, waba_id, status, business_ids, raw,
	owner_business_id, partner_app_id, known`

// insertRows is how many events one INSERT statement stores: one round
// trip to a PostgreSQL server per hundred events rather than per event,
// well within both engines' limits on bound parameters.
const insertRows = 100

// insertSQL is the INSERT of n events; an event whose key is stored
// already, or comes twice in the statement, is skipped.
func insertSQL(n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", strings.Count(insertColumns, ",")+1), ", ") + ")"
	return "INSERT INTO events (" + insertColumns + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", n), ", ") + " ON CONFLICT(dedup_key) DO NOTHING"
}

// Append stores events in one transaction and returns how many were new.
// Events whose key is already stored (by this process or another writer)
// are skipped. When it returns nil, the events are committed durably.
func (l *Log) Append(ctx context.Context, events []Event) (inserted int, err error) {
	if len(events) == 0 {
		return 0, nil
	}
	for i, e := range events {
		if e.Key == "" {
			return 0, fmt.Errorf("event log: event %d has no de-duplication key", i)
		}
	}
	inserted, err = l.write(ctx, events)
	return inserted, l.pg.Err(ctx, err)
}

// appendLock is the pg_advisory_xact_lock key every Append on PostgreSQL
// holds until it commits. Writers take turns, as on SQLite, so that IDs
// are given in commit order: a reader that tails the log by AfterID would
// otherwise pass over a row whose ID was taken before a later one's
// commit and committed after it. It also keeps two receivers storing the
// same keys in different orders from deadlocking.
const appendLock = 0x6d70735f657674 // "mps_evt"

func (l *Log) write(ctx context.Context, events []Event) (inserted int, err error) {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("event log: starting a write: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if l.pg != nil {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(appendLock)); err != nil {
			return 0, fmt.Errorf("event log: waiting for another writer: %w", err)
		}
	}
	for len(events) > 0 {
		chunk := events[:min(insertRows, len(events))]
		events = events[len(chunk):]
		args := make([]any, 0, len(chunk)*16)
		for _, e := range chunk {
			args = append(args, insertArgs(e)...)
		}
		res, err := tx.ExecContext(ctx, l.pg.Rebind(insertSQL(len(chunk))), args...)
		if err != nil {
			return 0, fmt.Errorf("event log: storing %s/%s and %d more: %w", chunk[0].Field, chunk[0].Event, len(chunk)-1, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("event log: %w", err)
		}
		inserted += int(n)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("event log: committing: %w", err)
	}
	return inserted, nil
}

func insertArgs(e Event) []any {
	var entryMS sql.NullInt64
	if !e.EntryTime.IsZero() {
		entryMS = sql.NullInt64{Int64: e.EntryTime.UnixMilli(), Valid: true}
	}
	ids := e.BusinessIDs
	if ids == nil {
		ids = []string{}
	}
	idsJSON, _ := json.Marshal(ids) // a []string always encodes
	raw := string(e.Raw)
	if !json.Valid(e.Raw) || !utf8.Valid(e.Raw) {
		// Keep unreadable bytes as a JSON string (invalid UTF-8 as U+FFFD,
		// which PostgreSQL's text requires).
		quoted, _ := json.Marshal(raw)
		raw = string(quoted)
	}
	text := postgres.Text // both engines store the same strings
	return []any{
		text(e.Key), e.Received.UnixMilli(), entryMS, text(e.EntryID), text(e.Object), text(e.Field), text(e.Event),
		text(e.SolutionID), text(e.WABAID), text(e.Status), string(idsJSON), raw,
		text(e.OwnerBusinessID), text(e.PartnerAppID), e.Known,
	}
}

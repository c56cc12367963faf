package eventlog

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Query narrows List. Zero values do not filter.
type Query struct {
	Since   time.Time // received at or after
	Field   string
	Event   string
	AfterID int64 // only rows with a larger ID: the tail of the log
	Limit   int   // at most this many, oldest first; 0 means all
}

// List returns stored events matching q, oldest first.
func (l *Log) List(ctx context.Context, q Query) ([]Event, error) {
	stmt, args := listSQL(q, l.pg == nil)
	rows, err := l.query(ctx, stmt, args...)
	if err != nil {
		return nil, l.readErr(ctx, "reading", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, l.readErr(ctx, "reading", err)
	}
	return out, nil
}

func scanEvent(rows *sql.Rows) (Event, error) {
	var (
		e                   Event
		receivedMS          int64
		entryMS             sql.NullInt64
		businessIDs, rawStr string
	)
	err := rows.Scan(&e.ID, &e.Key, &receivedMS, &entryMS, &e.EntryID, &e.Object, &e.Field, &e.Event,
		&e.SolutionID, &e.WABAID, &e.Status, &businessIDs, &rawStr, &e.OwnerBusinessID, &e.PartnerAppID, &e.Known)
	if err != nil {
		return Event{}, fmt.Errorf("event log: reading a row: %w", err)
	}
	e.Received = time.UnixMilli(receivedMS).UTC()
	if entryMS.Valid {
		e.EntryTime = time.UnixMilli(entryMS.Int64).UTC()
	}
	// A row whose id list cannot be read keeps its raw payload; the list stays empty.
	_ = json.Unmarshal([]byte(businessIDs), &e.BusinessIDs)
	e.Raw = json.RawMessage(rawStr)
	return e, nil
}

package journal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"mps/store/sqlitefile"
)

// File is the journal on an embedded SQLite file.
type File struct {
	db   *sql.DB
	path string
}

var _ Journal = (*File)(nil)

// Open opens the journal at path, making it when needed. Its writes are on
// disk when they return (WAL, synchronous=FULL).
func Open(ctx context.Context, path string) (*File, error) {
	db, err := sqlitefile.Open(ctx, path, schema(), schema().Version())
	if err != nil {
		return nil, err
	}
	return &File{db: db, path: path}, nil
}

// ErrNoJournal says that no journal exists at the path yet: mps has sent
// no action for the profile.
var ErrNoJournal = errors.New("no journal yet")

// OpenExisting opens the journal at path for reading only (see
// sqlitefile.OpenExisting); one that is not there gives an error for which
// errors.Is(err, ErrNoJournal) is true.
func OpenExisting(ctx context.Context, path string) (*File, error) {
	db, err := sqlitefile.OpenExisting(ctx, path, schema())
	if err != nil {
		return nil, err
	}
	return &File{db: db, path: path}, nil
}

// Path is where the journal lives.
func (f *File) Path() string { return f.path }

// Close closes the file.
func (f *File) Close() error { return f.db.Close() }

const insertEntry = `INSERT INTO entries (started_ms, profile, app_id, host, user, action,
	object_id, object_name, state_before, reason, outcome)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_flight')`

// Begin implements Journal.
func (f *File) Begin(ctx context.Context, e Entry) (int64, error) {
	if e.Action == "" {
		return 0, errors.New("journal: an entry needs its action")
	}
	res, err := f.db.ExecContext(ctx, insertEntry, e.Started.UnixMilli(), e.Profile, e.AppID, e.Host, e.User,
		e.Action, e.ObjectID, e.ObjectName, e.StateBefore, e.Reason)
	if err != nil {
		return 0, fmt.Errorf("journal: recording %s %s before sending it: %w", e.Action, e.ObjectID, err)
	}
	return res.LastInsertId()
}

const finishEntry = `UPDATE entries SET outcome = ?, object_id = CASE WHEN ? = '' THEN object_id ELSE ? END,
	error_code = ?, error_subcode = ?, fbtrace_id = ?, error_message = ?,
	state_after = ?, finished_ms = ?, note = ?
WHERE id = ?`

// Finish implements Journal.
func (f *File) Finish(ctx context.Context, id int64, r Result) error {
	if r.Outcome == "" || r.Outcome == InFlight {
		return fmt.Errorf("journal: entry %d needs an outcome to finish", id)
	}
	res, err := f.db.ExecContext(ctx, finishEntry, string(r.Outcome), r.ObjectID, r.ObjectID,
		r.Refusal.Code, r.Refusal.Subcode, r.Refusal.FBTraceID, r.Refusal.Message,
		r.StateAfter, r.Finished.UnixMilli(), r.Note, id)
	if err != nil {
		return fmt.Errorf("journal: recording the outcome of entry %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("journal: there is no entry %d", id)
	}
	return nil
}

const selectEntries = `SELECT id, started_ms, profile, app_id, host, user, action, object_id,
	object_name, state_before, reason, outcome, error_code, error_subcode, fbtrace_id,
	error_message, state_after, finished_ms, note FROM entries`

const selectInFlight = selectEntries + ` WHERE outcome = 'in_flight' ORDER BY id`

// InFlight implements Journal.
func (f *File) InFlight(ctx context.Context) ([]Entry, error) {
	return f.query(ctx, selectInFlight)
}

// List implements Journal.
func (f *File) List(ctx context.Context, q Query) ([]Entry, error) {
	stmt, args := listSQL(q)
	return f.query(ctx, stmt, args...)
}

func listSQL(q Query) (string, []any) {
	var where []string
	var args []any
	if !q.Since.IsZero() {
		where, args = append(where, "started_ms >= ?"), append(args, q.Since.UnixMilli())
	}
	if q.ObjectID != "" {
		where, args = append(where, "object_id = ?"), append(args, q.ObjectID)
	}
	stmt := selectEntries
	if len(where) > 0 {
		stmt += " WHERE " + strings.Join(where, " AND ")
	}
	stmt += " ORDER BY started_ms DESC, id DESC"
	if q.Limit > 0 {
		stmt += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	return stmt, args
}

func (f *File) query(ctx context.Context, stmt string, args ...any) ([]Entry, error) {
	rows, err := f.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, fmt.Errorf("journal: reading: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var started int64
		var finished sql.NullInt64
		var outcome string
		if err := rows.Scan(&e.ID, &started, &e.Profile, &e.AppID, &e.Host, &e.User, &e.Action, &e.ObjectID,
			&e.ObjectName, &e.StateBefore, &e.Reason, &outcome, &e.Refusal.Code, &e.Refusal.Subcode,
			&e.Refusal.FBTraceID, &e.Refusal.Message, &e.StateAfter, &finished, &e.Note); err != nil {
			return nil, fmt.Errorf("journal: reading: %w", err)
		}
		e.Outcome = Outcome(outcome)
		e.Started = time.UnixMilli(started).UTC()
		if finished.Valid {
			e.Finished = time.UnixMilli(finished.Int64).UTC()
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("journal: reading: %w", err)
	}
	return out, nil
}

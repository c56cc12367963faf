package journal

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"mps/store/postgres"
	"mps/store/sqlitefile"
)

// Store is the journal on an embedded SQLite file or in a PostgreSQL
// database: the same SQL serves both, with PostgreSQL's placeholders
// there.
type Store struct {
	db     *sql.DB
	path   string       // the SQLite file; "" on PostgreSQL
	pg     *postgres.DB // nil on SQLite, where its Rebind and Err pass through
	origin string
}

var _ Journal = (*Store)(nil)

// Open opens the journal at path, making it when needed. Its writes are on
// disk when they return (WAL, synchronous=FULL).
func Open(ctx context.Context, path string) (*Store, error) {
	db, err := sqlitefile.Open(ctx, path, schema(), schema().Version())
	if err != nil {
		return nil, err
	}
	return newStore(db, path, nil, newOrigin()), nil
}

// ErrNoJournal says that no journal exists at the path yet: mps has sent
// no action for the profile.
var ErrNoJournal = errors.New("no journal yet")

// OpenExisting opens the journal at path for reading only (see
// sqlitefile.OpenExisting); one that is not there gives an error for which
// errors.Is(err, ErrNoJournal) is true.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	db, err := sqlitefile.OpenExisting(ctx, path, schema())
	if err != nil {
		return nil, err
	}
	return newStore(db, path, nil, newOrigin()), nil
}

func newStore(db *sql.DB, path string, pg *postgres.DB, origin string) *Store {
	return &Store{db: db, path: path, pg: pg, origin: origin}
}

// newOrigin is a new handle's origin, random per open.
func newOrigin() string { return randomHex(8) }

// randomHex is n random bytes in hex: crypto/rand never fails on the
// systems Go supports.
func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Path is the journal's SQLite file; "" on PostgreSQL (see Where).
func (s *Store) Path() string { return s.path }

// Where names the journal for messages: its file, or its PostgreSQL URL
// without the password.
func (s *Store) Where() string {
	if s.pg != nil {
		return s.pg.Where()
	}
	return s.path
}

// Origin implements Journal.
func (s *Store) Origin() string { return s.origin }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

const insertEntry = `INSERT INTO entries (uid, origin, started_ms, profile, app_id, host, "user", action,
	object_id, object_name, state_before, reason, outcome)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_flight') RETURNING id`

// Begin implements Journal. The entry's Origin is this handle's.
func (s *Store) Begin(ctx context.Context, e Entry) (int64, error) {
	if e.Action == "" {
		return 0, errors.New("journal: an entry needs its action")
	}
	var id int64
	text := postgres.Text // both engines store the same strings
	err := s.db.QueryRowContext(ctx, s.pg.Rebind(insertEntry), randomHex(16), s.origin, e.Started.UnixMilli(),
		text(e.Profile), text(e.AppID), text(e.Host), text(e.User), text(e.Action), text(e.ObjectID),
		text(e.ObjectName), text(e.StateBefore), text(e.Reason)).Scan(&id)
	if err != nil {
		return 0, s.pg.Err(ctx, fmt.Errorf("journal: recording %s %s before sending it: %w", e.Action, e.ObjectID, err))
	}
	return id, nil
}

const finishEntry = `UPDATE entries SET outcome = ?, object_id = CASE WHEN ? = '' THEN object_id ELSE ? END,
	error_code = ?, error_subcode = ?, fbtrace_id = ?, error_message = ?,
	state_after = ?, finished_ms = ?, note = ?
WHERE id = ?`

// ErrNoEntry says that the journal has no entry of that ID.
var ErrNoEntry = errors.New("no such entry")

// Finish implements Journal.
func (s *Store) Finish(ctx context.Context, id int64, r Result) error {
	if r.Outcome == "" || r.Outcome == InFlight {
		return fmt.Errorf("journal: entry %d needs an outcome to finish", id)
	}
	text := postgres.Text
	res, err := s.db.ExecContext(ctx, s.pg.Rebind(finishEntry), string(r.Outcome), text(r.ObjectID), text(r.ObjectID),
		r.Refusal.Code, r.Refusal.Subcode, text(r.Refusal.FBTraceID), text(r.Refusal.Message),
		text(r.StateAfter), r.Finished.UnixMilli(), text(r.Note), id)
	if err != nil {
		return s.pg.Err(ctx, fmt.Errorf("journal: recording the outcome of entry %d: %w", id, err))
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("journal: there is no entry %d: %w", id, ErrNoEntry)
	}
	return nil
}

const selectEntries = `SELECT id, uid, origin, started_ms, profile, app_id, host, "user", action, object_id,
	object_name, state_before, reason, outcome, error_code, error_subcode, fbtrace_id,
	error_message, state_after, finished_ms, note FROM entries`

const selectInFlight = selectEntries + ` WHERE outcome = 'in_flight' ORDER BY id`

const selectEntry = selectEntries + ` WHERE id = ?`

// InFlight implements Journal.
func (s *Store) InFlight(ctx context.Context) ([]Entry, error) {
	return entriesOf(s.query(ctx, selectInFlight))
}

// List implements Journal.
func (s *Store) List(ctx context.Context, q Query) ([]Entry, error) {
	stmt, args := listSQL(q)
	return entriesOf(s.query(ctx, stmt, args...))
}

// Get implements Journal.
func (s *Store) Get(ctx context.Context, id int64) (Entry, error) {
	rows, err := s.query(ctx, selectEntry, id)
	if err != nil {
		return Entry{}, err
	}
	if len(rows) == 0 {
		return Entry{}, fmt.Errorf("journal: there is no entry %d: %w", id, ErrNoEntry)
	}
	return rows[0].Entry, nil
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

// row is an entry as stored, with its unique ID across journals.
type row struct {
	Entry
	uid string
}

func entriesOf(rows []row, err error) ([]Entry, error) {
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.Entry)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

func (s *Store) query(ctx context.Context, stmt string, args ...any) ([]row, error) {
	rows, err := s.db.QueryContext(ctx, s.pg.Rebind(stmt), args...)
	if err != nil {
		return nil, s.pg.Err(ctx, fmt.Errorf("journal: reading: %w", err))
	}
	defer rows.Close()
	var out []row
	for rows.Next() {
		var r row
		e := &r.Entry
		var started int64
		var finished sql.NullInt64
		var outcome string
		if err := rows.Scan(&e.ID, &r.uid, &e.Origin, &started, &e.Profile, &e.AppID, &e.Host, &e.User, &e.Action, &e.ObjectID,
			&e.ObjectName, &e.StateBefore, &e.Reason, &outcome, &e.Refusal.Code, &e.Refusal.Subcode,
			&e.Refusal.FBTraceID, &e.Refusal.Message, &e.StateAfter, &finished, &e.Note); err != nil {
			return nil, fmt.Errorf("journal: reading: %w", err)
		}
		e.Outcome = Outcome(outcome)
		e.Started = time.UnixMilli(started).UTC()
		if finished.Valid {
			e.Finished = time.UnixMilli(finished.Int64).UTC()
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.pg.Err(ctx, fmt.Errorf("journal: reading: %w", err))
	}
	return out, nil
}

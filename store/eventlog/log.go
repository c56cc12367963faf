package eventlog

import (
	"context"
	"database/sql"
	"errors"

	"mps/store/sqlitefile"
)

// ErrNoDirectory says that the log's directory could not be made.
var ErrNoDirectory = sqlitefile.ErrNoDirectory

// Log is an open event log. It is safe for concurrent use.
type Log struct {
	db   *sql.DB
	path string
}

// Open opens (creating it and its directory when needed) the event log at
// path and brings its schema up to date. Writes are durable when Append
// returns: WAL with synchronous=FULL.
func Open(ctx context.Context, path string) (*Log, error) {
	return open(ctx, path, SchemaVersion())
}

func open(ctx context.Context, path string, version int) (*Log, error) {
	db, err := sqlitefile.Open(ctx, path, schema(), version)
	if err != nil {
		return nil, err
	}
	return &Log{db: db, path: path}, nil
}

// ErrNoLog says that no event log exists at the path yet: no webhook
// receiver has stored anything there.
var ErrNoLog = errors.New("no event log yet")

// OpenExisting opens the event log at path for reading only, for the
// commands and views that show it; see sqlitefile.OpenExisting. A log that
// is not there gives an error for which errors.Is(err, ErrNoLog) is true.
func OpenExisting(ctx context.Context, path string) (*Log, error) {
	db, err := sqlitefile.OpenExisting(ctx, path, schema())
	if err != nil {
		return nil, err
	}
	return &Log{db: db, path: path}, nil
}

// Path is where the log lives.
func (l *Log) Path() string { return l.path }

// Close closes the database.
func (l *Log) Close() error { return l.db.Close() }

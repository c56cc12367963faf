package eventlog

import (
	"context"
	"database/sql"
	"errors"

	"mps/store/postgres"
	"mps/store/sqlitefile"
)

// ErrNoDirectory says that the log's directory could not be made.
var ErrNoDirectory = sqlitefile.ErrNoDirectory

// Log is an open event log, on a SQLite file or a PostgreSQL database: the
// same SQL serves both, with pg's dialect where they differ. It is safe
// for concurrent use.
type Log struct {
	db   *sql.DB
	path string       // the SQLite file; "" on PostgreSQL
	pg   *postgres.DB // nil on SQLite, where its Rebind and Err pass through
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

// Path is the log's SQLite file; "" on PostgreSQL (see Where).
func (l *Log) Path() string { return l.path }

// Where names the log for messages ("event log at ..."): its file, or its
// PostgreSQL URL without the password.
func (l *Log) Where() string {
	if l.pg != nil {
		return l.pg.Where()
	}
	return l.path
}

// Close closes the database.
func (l *Log) Close() error { return l.db.Close() }

package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeoutMS is how long a statement waits for another process's lock.
const busyTimeoutMS = 10000

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

func open(ctx context.Context, path string, schema int) (*Log, error) {
	if path == "" {
		return nil, errors.New("event log: no path given")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("event log path %q contains '?' or '#': choose another directory", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("event log: creating its directory: %w", err)
	}
	dsn := path + "?_txlock=immediate" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeoutMS) +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("event log %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("event log %s cannot be opened: %w", path, err)
	}
	if err := migrate(ctx, db, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		db.Close()
		return nil, fmt.Errorf("event log: %w", err)
	}
	return &Log{db: db, path: path}, nil
}

// Path is where the log lives.
func (l *Log) Path() string { return l.path }

// Close closes the database.
func (l *Log) Close() error { return l.db.Close() }

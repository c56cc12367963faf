package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"mps/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeoutMS is how long a statement waits for another process's lock.
const busyTimeoutMS = 10000

// ErrNoDirectory says that the log's directory could not be made.
var ErrNoDirectory = errors.New("cannot make the event log's directory")

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
		return nil, fmt.Errorf("%w %s: %w", ErrNoDirectory, filepath.Dir(path), err)
	}
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	// SQLite answers SQLITE_BUSY at once, without its busy timeout, to a
	// process that opens a new log while another turns it to WAL: the
	// receiver's first delivery and a dashboard's first poll do just that.
	// Such an open is tried again until the busy timeout has passed.
	giveUp := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 250*time.Millisecond) {
		l, err := connect(ctx, path, schema)
		if err == nil || !IsBusy(err) || time.Now().Add(wait).After(giveUp) {
			return l, err
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, err
		}
	}
}

// connect opens the database at path and brings its schema up to date.
func connect(ctx context.Context, path string, schema int) (*Log, error) {
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
	if err := tightenSideFiles(path); err != nil {
		db.Close()
		return nil, fmt.Errorf("event log: %w", err)
	}
	return &Log{db: db, path: path}, nil
}

// Path is where the log lives.
func (l *Log) Path() string { return l.path }

// Close closes the database.
func (l *Log) Close() error { return l.db.Close() }

// createPrivate creates the database file empty at 0600 when there is none:
// SQLite gives its -wal and -shm files the database's mode, and without it
// they were created 0644 beside a 0600 database.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("event log %s cannot be created: %w", path, err)
	}
	return f.Close()
}

// tightenSideFiles makes a log created by an older mps private, its -wal
// and -shm included, by store's one rule for mps's own files.
func tightenSideFiles(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if _, err := store.TightenPrivateFile(p, 0o600); err != nil {
			return err
		}
	}
	return nil
}

package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
)

// ErrNoLog says that no event log exists at the path yet: no webhook
// receiver has stored anything there.
var ErrNoLog = errors.New("no event log yet")

// OpenExisting opens the event log at path for reading only, for the
// commands and views that show it: it never creates the file, never
// migrates it and never writes to it, so it works on a log its reader may
// not write (a teammate's, or one on a read-only disk). A log that is not
// there gives an error for which errors.Is(err, ErrNoLog) is true.
//
// A log written by an older mps is brought up to date first when the
// reader may write it, as Open would; otherwise the error says how to.
func OpenExisting(ctx context.Context, path string) (*Log, error) {
	if path == "" {
		return nil, errors.New("event log: no path given")
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s", ErrNoLog, path)
		}
		return nil, fmt.Errorf("event log %s cannot be read: %w", path, err)
	}
	l, err := connectReadOnly(ctx, path, false)
	if isReadOnly(err) {
		// No writer has the log open, so its WAL index is gone, and this
		// reader may not create it beside the log: nothing can change the
		// file but a writer who may, so read it as it stands.
		l, err = connectReadOnly(ctx, path, true)
	}
	if !errors.Is(err, errOlderSchema) {
		return l, err
	}
	if writable(path) {
		if l, err := Open(ctx, path); err == nil {
			l.Close()
			return connectReadOnly(ctx, path, false)
		}
	}
	return nil, fmt.Errorf("event log %s was written by an older mps and this user may not upgrade it: run `mps webhook serve` (or any mps command) once as a user who may write it", path)
}

var errOlderSchema = errors.New("older schema")

// connectReadOnly opens path with SQLite's read-only mode; its schema must
// be this build's. immutable says that nothing writes the file meanwhile.
func connectReadOnly(ctx context.Context, path string, immutable bool) (*Log, error) {
	dsn := (&url.URL{Scheme: "file", Path: path}).String() + "?mode=ro" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeoutMS)
	if immutable {
		dsn += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("event log %s: %w", path, err)
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("event log %s cannot be read: %w", path, err)
	}
	switch {
	case version < SchemaVersion():
		db.Close()
		return nil, errOlderSchema
	case version > SchemaVersion():
		db.Close()
		return nil, fmt.Errorf("event log %s has schema version %d, newer than this mps understands (%d): upgrade mps", path, version, SchemaVersion())
	}
	return &Log{db: db, path: path}, nil
}

// writable reports whether this process may open path for writing.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

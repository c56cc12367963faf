package sqlitefile

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

// Open opens the file at path for reading and writing, creating it and its
// directory when needed, and brings its schema to version target.
func Open(ctx context.Context, path string, s Schema, target int) (*sql.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("%s: no path given", s.Name)
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("%s path %q contains '?' or '#': choose another directory", s.Name, path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("%s: %w %s: %w", s.Name, ErrNoDirectory, filepath.Dir(path), err)
	}
	if err := createPrivate(path, s); err != nil {
		return nil, err
	}
	// SQLite answers SQLITE_BUSY at once, without its busy timeout, to a
	// process that opens a new file while another turns it to WAL: the
	// receiver's first delivery and a dashboard's first poll do just that.
	// Such an open is tried again until the busy timeout has passed.
	giveUp := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 250*time.Millisecond) {
		db, err := connect(ctx, path, s, target)
		if err == nil || !IsBusy(err) || time.Now().Add(wait).After(giveUp) {
			return db, err
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, err
		}
	}
}

// connect opens the database at path and brings its schema up to date.
func connect(ctx context.Context, path string, s Schema, target int) (*sql.DB, error) {
	dsn := path + "?_txlock=immediate" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeoutMS) +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", s.Name, path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s %s cannot be opened: %w", s.Name, path, err)
	}
	if err := s.migrate(ctx, db, target); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := tightenSideFiles(path, s); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// createPrivate creates the database file empty at 0600 when there is none:
// SQLite gives its -wal and -shm files the database's mode, and without it
// they were created 0644 beside a 0600 database.
func createPrivate(path string, s Schema) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s %s cannot be created: %w", s.Name, path, err)
	}
	return f.Close()
}

// tightenSideFiles makes a file created by an older mps private, its -wal
// and -shm included, by store's one rule for mps's own files.
func tightenSideFiles(path string, s Schema) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if _, err := store.TightenPrivateFile(p, 0o600); err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	return nil
}

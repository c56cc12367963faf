package sqlitefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
)

// OpenExisting opens the file at path for reading only, for the commands
// and views that show it: it never creates the file, never migrates it
// and never writes to it, so it works on a file its reader may not write
// (a teammate's, or one on a read-only disk). A file that is not there
// gives an error for which errors.Is(err, s.Missing) is true.
//
// A file written by an older mps is brought up to date first when the
// reader may write it, as Open would; otherwise the error says how to.
func OpenExisting(ctx context.Context, path string, s Schema) (*sql.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("%s: no path given", s.Name)
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s", s.Missing, path)
		}
		return nil, fmt.Errorf("%s %s cannot be read: %w", s.Name, path, err)
	}
	db, err := connectReadOnly(ctx, path, s, false)
	if isReadOnly(err) {
		// No writer has the file open, so its WAL index is gone, and this
		// reader may not create it beside the file: nothing can change the
		// file but a writer who may, so read it as it stands.
		db, err = connectReadOnly(ctx, path, s, true)
	}
	if !errors.Is(err, errOlderSchema) {
		return db, err
	}
	if writable(path) {
		if db, err := Open(ctx, path, s, s.Version()); err == nil {
			db.Close()
			return connectReadOnly(ctx, path, s, false)
		}
	}
	return nil, fmt.Errorf("%s %s was written by an older mps and this user may not upgrade it: run `mps webhook serve` (or any mps command) once as a user who may write it", s.Name, path)
}

// connectReadOnly opens path with SQLite's read-only mode; its schema must
// be this build's. immutable says that nothing writes the file meanwhile.
func connectReadOnly(ctx context.Context, path string, s Schema, immutable bool) (*sql.DB, error) {
	dsn := (&url.URL{Scheme: "file", Path: path}).String() + "?mode=ro" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeoutMS)
	if immutable {
		dsn += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", s.Name, path, err)
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s %s cannot be read: %w", s.Name, path, err)
	}
	if version < s.Version() {
		db.Close()
		return nil, errOlderSchema
	}
	if err := s.checkNotNewer(version); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
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

// FileVersion is the schema version of the file at path, read without
// writing it: 0 when there is no file yet.
func (s Schema) FileVersion(ctx context.Context, path string) (int, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	dsn := (&url.URL{Scheme: "file", Path: path}).String() + "?mode=ro" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeoutMS)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", s.Name, path, err)
	}
	defer db.Close()
	v, err := s.readVersion(ctx, db)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

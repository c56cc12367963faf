package sqlitefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Schema is a file's kind and its migrations.
type Schema struct {
	// Name names the file in messages: "event log", "journal".
	Name string
	// Missing is what OpenExisting reports a file that is not there as,
	// wrapped with the path: the package's own ErrNoLog, ErrNoJournal.
	Missing error
	// Migrations bring the schema from version i to i+1 (PRAGMA
	// user_version). Append new ones; never edit or remove a released one,
	// and never drop data.
	Migrations []string
}

// Version is the version this build writes.
func (s Schema) Version() int { return len(s.Migrations) }

// errOlderSchema says a file opened read-only needs migrating first.
var errOlderSchema = errors.New("older schema")

// migrate applies the migrations after the database's version, up to
// target, in one transaction. The transaction takes the write lock first
// (_txlock=immediate), so two processes opening the file at once do not
// both migrate.
func (s Schema) migrate(ctx context.Context, db *sql.DB, target int) (err error) {
	// A file already at target needs no write lock, so a reader opening it
	// never waits for a writer's transactions.
	seen, err := s.readVersion(ctx, db)
	if err != nil || seen == target {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: starting the schema upgrade: %w", s.Name, err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("%s: reading the schema version: %w", s.Name, err)
	}
	if err := s.checkNotNewer(current); err != nil {
		return err
	}
	for v := current; v < target; v++ {
		if _, err := tx.ExecContext(ctx, s.Migrations[v]); err != nil {
			return fmt.Errorf("%s: upgrading the schema to version %d: %w", s.Name, v+1, err)
		}
	}
	if current < target {
		// PRAGMA takes no bound parameters; target is an int we control.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", target)); err != nil {
			return fmt.Errorf("%s: recording the schema version: %w", s.Name, err)
		}
	}
	return tx.Commit()
}

func (s Schema) readVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("%s: reading the schema version: %w", s.Name, err)
	}
	return v, nil
}

func (s Schema) checkNotNewer(v int) error {
	if v > s.Version() {
		return fmt.Errorf("%s has schema version %d, newer than this mps understands (%d): upgrade mps", s.Name, v, s.Version())
	}
	return nil
}

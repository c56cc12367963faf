package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
)

// Schema is one store's kind and its migrations on PostgreSQL.
type Schema struct {
	// Name is the store's row in mps_schema and its name in messages:
	// "event log", "journal".
	Name string
	// Migrations bring the store from version i to i+1. Append new ones;
	// never edit or remove a released one, and never drop data.
	Migrations []string
}

// Version is the version this build writes.
func (s Schema) Version() int { return len(s.Migrations) }

// migrationLock is the pg_advisory_xact_lock key every mps migration
// holds, so that processes starting together migrate one at a time and
// the later ones find nothing left to do.
const migrationLock = 0x6d70735f736368 // "mps_sch"

const (
	readSchemaVersion  = `SELECT version FROM mps_schema WHERE name = $1`
	createSchemaTable  = `CREATE TABLE IF NOT EXISTS mps_schema (name text PRIMARY KEY, version integer NOT NULL)`
	writeSchemaVersion = `INSERT INTO mps_schema (name, version) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version`
)

// undefinedTable is PostgreSQL's SQLSTATE for a table that is not there.
const undefinedTable = "42P01"

// version is the store's version in d, 0 when it has none yet.
//
// It reads the table and takes its absence from the error: a cached plan
// of "SELECT to_regclass('mps_schema')" went on answering false on a
// pooled connection after another process had made the table.
func (s Schema) version(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, readSchemaVersion, s.Name).Scan(&v)
	var pgErr *pgconn.PgError
	if errors.Is(err, sql.ErrNoRows) || errors.As(err, &pgErr) && pgErr.Code == undefinedTable {
		return 0, nil
	}
	return v, err
}

// Migration is what bringing one store's schema up to date found and left.
type Migration struct {
	// Name is the store's: "event log", "journal".
	Name string
	// From is the version the database had (0: none yet); To the version
	// it has now, this build's. From == To: it was up to date.
	From, To int
}

// upToDate migrates s in d when it is behind. A store already current
// takes no lock and writes nothing, so that a role that may only read it
// opens it.
func (s Schema) upToDate(ctx context.Context, d *DB) (Migration, error) {
	done := Migration{Name: s.Name, To: s.Version()}
	v, err := s.version(ctx, d.SQL)
	if err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == insufficientPrivilege {
			return done, fmt.Errorf("the %s at %s: this role may not read the table mps_schema: the database's owner can `GRANT SELECT ON mps_schema TO` it (%s)", s.Name, d.where, pgErr.Message)
		}
		return done, s.failed(ctx, d, "reading its schema version", err)
	}
	done.From = v
	if err := s.checkNotNewer(d, v); err != nil || v == s.Version() {
		return done, err
	}
	from, err := s.migrate(ctx, d)
	if err != nil {
		return done, err
	}
	done.From = from // another process may have migrated meanwhile
	return done, nil
}

// migrate runs the migrations the store lacks, under the lock, and
// returns the version it found there.
func (s Schema) migrate(ctx context.Context, d *DB) (from int, err error) {
	// Read committed whatever the server's default: each statement after
	// the lock must see what the process that held it committed.
	tx, err := d.SQL.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
	if err != nil {
		return 0, s.failed(ctx, d, "starting the schema upgrade", err)
	}
	defer tx.Rollback() // after Commit, a no-op; else it releases the lock
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return 0, s.failed(ctx, d, "waiting for another process's schema upgrade", err)
	}
	// Made first, since a failed read would end the transaction.
	if _, err := tx.ExecContext(ctx, createSchemaTable); err != nil {
		return 0, s.failed(ctx, d, "making the table mps_schema", err)
	}
	// Read again under the lock: another process may have migrated while
	// this one waited for it.
	current, err := s.version(ctx, tx)
	if err != nil {
		return 0, s.failed(ctx, d, "reading its schema version", err)
	}
	if err := s.checkNotNewer(d, current); err != nil || current == s.Version() {
		return current, err
	}
	for v := current; v < s.Version(); v++ {
		if _, err := tx.ExecContext(ctx, s.Migrations[v]); err != nil {
			return 0, s.failed(ctx, d, fmt.Sprintf("upgrading the schema to version %d", v+1), err)
		}
	}
	if _, err := tx.ExecContext(ctx, writeSchemaVersion, s.Name, s.Version()); err != nil {
		return 0, s.failed(ctx, d, "recording the schema version", err)
	}
	if err := tx.Commit(); err != nil {
		return current, s.failed(ctx, d, "committing the schema upgrade", err)
	}
	return current, nil
}

func (s Schema) checkNotNewer(d *DB, v int) error {
	if v > s.Version() {
		return fmt.Errorf("the %s at %s has schema version %d, newer than this mps understands (%d): upgrade mps", s.Name, d.where, v, s.Version())
	}
	return nil
}

// ErrMayNotMigrate says that the store needs a schema upgrade this role
// may not make.
var ErrMayNotMigrate = errors.New("this role may not upgrade the schema: run `mps store migrate` as the database's owner")

// insufficientPrivilege is PostgreSQL's SQLSTATE for "permission denied"
// and "must be owner".
const insufficientPrivilege = "42501"

func (s Schema) failed(ctx context.Context, d *DB, doing string, err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == insufficientPrivilege {
		return fmt.Errorf("the %s at %s: %s: %w (%s)", s.Name, d.where, doing, ErrMayNotMigrate, pgErr.Message)
	}
	return d.Err(ctx, fmt.Errorf("the %s at %s: %s: %w", s.Name, d.where, doing, err))
}

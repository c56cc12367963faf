package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// DB is a store's open PostgreSQL database: a database/sql pool for the
// SQL it shares with SQLite, and the configuration that LISTEN connects
// with. It is safe for concurrent use.
type DB struct {
	SQL    *sql.DB
	config *pgx.ConnConfig // holds the password: never printed
	where  string
	host   string
}

// Open connects to the store at rawURL (Config's rules) and brings the
// schema s up to date when it is behind: a role that may not migrate is
// told who may. A server that cannot be reached gives an UnreachableError,
// one that refuses the password a PasswordError.
func Open(ctx context.Context, rawURL string, o Options, s Schema) (*DB, error) {
	d, err := connect(ctx, rawURL, o)
	if err != nil {
		return nil, err
	}
	if _, err := s.upToDate(ctx, d); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// Migrate brings the schema s of the store at rawURL up to date, for
// `mps store migrate`: run by the database's owner, it does what Open
// does on first use, for roles that may not. It returns the versions it
// found and left.
func Migrate(ctx context.Context, rawURL string, o Options, s Schema) (Migration, error) {
	d, err := connect(ctx, rawURL, o)
	if err != nil {
		return Migration{Name: s.Name, To: s.Version()}, err
	}
	defer d.Close()
	return s.upToDate(ctx, d)
}

func connect(ctx context.Context, rawURL string, o Options) (*DB, error) {
	cfg, from, err := configFrom(ctx, rawURL, o)
	if err != nil {
		return nil, err
	}
	d := &DB{SQL: stdlib.OpenDB(*cfg), config: cfg, where: Redact(rawURL), host: hostLabel(cfg)}
	if err := d.SQL.PingContext(ctx); err != nil {
		d.SQL.Close()
		if passwordRefused(err) {
			return nil, &PasswordError{User: cfg.User, Host: d.host, From: from, Err: err}
		}
		return nil, d.Err(ctx, fmt.Errorf("connecting to %s: %w", d.where, err))
	}
	return d, nil
}

// Where is the store's redacted URL, for messages.
func (d *DB) Where() string { return d.where }

// Host is the server, as an UnreachableError names it.
func (d *DB) Host() string { return d.host }

// Close closes the pool; a Listen goes on until its ctx ends.
func (d *DB) Close() error { return d.SQL.Close() }

// A store that runs on either engine (the event log, the journal) keeps a
// nil *DB on SQLite, so that Rebind and Err serve it on both: on a nil DB
// they give their argument back as it is.

// Rebind is stmt, written for SQLite, in the DB's dialect (see Rebind).
func (d *DB) Rebind(stmt string) string {
	if d == nil {
		return stmt
	}
	return Rebind(stmt)
}

// Err is err, as an UnreachableError when it says the server is out of
// reach (see UnreachableError); nil stays nil.
func (d *DB) Err(ctx context.Context, err error) error {
	if d == nil {
		return err
	}
	return classify(ctx, d.host, err)
}

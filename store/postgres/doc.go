// Package postgres holds what mps's stores (the event log, the journal)
// need to live on a PostgreSQL server shared by a team: the connection's
// configuration and its rules for secrets and TLS, errors that say the
// server is unreachable, versioned migrations that two processes starting
// together apply once, the `?` placeholders of the SQL the stores share
// with SQLite, and LISTEN for what teammates commit.
//
// The stores speak database/sql through pgx's stdlib adapter, so that one
// implementation of each serves both engines; LISTEN takes a native
// connection of its own.
package postgres

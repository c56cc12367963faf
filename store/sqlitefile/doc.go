// Package sqlitefile opens the SQLite files mps keeps on this machine (the
// event log, the journal): private to their user, with their WAL side
// files; in WAL mode with synchronous=FULL, so that a write is on disk when
// it returns; and brought to their schema by versioned migrations that one
// process applies under the write lock. A file can also be opened for
// reading only, by a user who may not write it.
package sqlitefile

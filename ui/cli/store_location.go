package cli

import (
	"path/filepath"

	"mps/store"
	"mps/store/eventlog"
	"mps/store/journal"
	"mps/store/postgres"
)

// storeLocation is where a run's event log and journal live: a PostgreSQL
// server, or a directory holding both SQLite files (by default the
// profile's state directory).
type storeLocation struct {
	url    string // postgres://…, never with a password; "" for SQLite
	dir    string // the SQLite files' directory
	source string // where the setting came from: "--store", "MPS_STORE", the profile, "default"
}

// storeLocation resolves the run's store: --store, MPS_STORE or the
// profile's store setting (store.Resolve has checked it), else the state
// directory.
func (s *Session) storeLocation() (storeLocation, error) {
	set := s.settings
	switch {
	case store.IsStoreURL(set.Store):
		return storeLocation{url: set.Store, source: set.Sources.Store}, nil
	case set.Store != "":
		return storeLocation{dir: set.Store, source: set.Sources.Store}, nil
	}
	dir, err := store.StateDir(set.Profile, s.env.Getenv)
	if err != nil {
		return storeLocation{}, stateDirError(err)
	}
	return storeLocation{dir: dir, source: "default"}, nil
}

func (l storeLocation) postgres() bool { return l.url != "" }

func (l storeLocation) eventLogPath() string { return filepath.Join(l.dir, eventlog.FileName) }

func (l storeLocation) journalPath() string { return filepath.Join(l.dir, journal.FileName) }

// String names the store in output: the server without secrets, or the
// directory.
func (l storeLocation) String() string {
	if l.postgres() {
		return postgres.Redact(l.url)
	}
	return l.dir
}

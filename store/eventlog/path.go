package eventlog

import (
	"path/filepath"

	"mps/store"
)

// FileName is the event log's file in a profile's state directory.
const FileName = "events.db"

// DefaultPath is the profile's event log, in its state directory
// (store.StateDir).
func DefaultPath(profile string, getenv func(string) string) (string, error) {
	dir, err := store.StateDir(profile, getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}

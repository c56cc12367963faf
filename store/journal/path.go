package journal

import (
	"path/filepath"

	"mps/store"
)

// DefaultPath is the profile's journal, in its state directory
// (store.StateDir), beside its event log.
func DefaultPath(profile string, getenv func(string) string) (string, error) {
	dir, err := store.StateDir(profile, getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}

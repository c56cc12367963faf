package eventlog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"mps/store"
)

// FileName is the event log's file in a profile's state directory.
const FileName = "events.db"

// DefaultPath is $XDG_STATE_HOME/mps/<profile>/events.db, or
// ~/.local/state/mps/<profile>/events.db when XDG_STATE_HOME is unset or
// not absolute (as the XDG spec says). getenv is usually os.Getenv.
func DefaultPath(profile string, getenv func(string) string) (string, error) {
	if !store.ValidProfileName(profile) {
		return "", fmt.Errorf("profile name %q cannot name an event log: use letters, digits, '.', '_' or '-'", profile)
	}
	base := getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(base) {
		home := getenv("HOME")
		if home == "" {
			var err error
			if home, err = os.UserHomeDir(); err != nil {
				return "", errors.New("no state directory: set XDG_STATE_HOME or HOME")
			}
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "mps", profile, FileName), nil
}

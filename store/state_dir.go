package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// StateDir is where a profile's files on this machine live (the event
// log, the journal): $XDG_STATE_HOME/mps/<profile>, or
// ~/.local/state/mps/<profile> when XDG_STATE_HOME is unset or not
// absolute (as the XDG spec says). getenv is usually os.Getenv.
func StateDir(profile string, getenv func(string) string) (string, error) {
	if !ValidProfileName(profile) {
		return "", fmt.Errorf("profile name %q cannot name a state directory: use letters, digits, '.', '_' or '-'", profile)
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
	return filepath.Join(base, "mps", profile), nil
}

package cli

import (
	"context"
	"errors"

	"mps/store/eventlog"
	"mps/store/journal"
)

// The journal and the event log are the profile's files in the state
// directory; these are the hints when one cannot be named or opened.

// stateDirError is a state file's path that cannot be named.
func stateDirError(err error) error {
	return usageErrorf("Set XDG_STATE_HOME or HOME, or use another --profile.", "%v", err)
}

// stateFileError is a state file that would not open; what names it
// ("journal", "log").
func stateFileError(what string, err error) error {
	if errors.Is(err, journal.ErrNoDirectory) || errors.Is(err, eventlog.ErrNoDirectory) {
		return localError("Set XDG_STATE_HOME to a directory you may write (the "+what+" goes in $XDG_STATE_HOME/mps/PROFILE/), or use another --profile.", err)
	}
	return localError("Check the file's permissions, or move it aside to start a new "+what+".", err)
}

// openStateFile opens a store's SQLite file with open. A file that is not
// there comes back as none, as the store's own package says it; any other
// failure as stateFileError.
func openStateFile[S any](ctx context.Context, open func(context.Context, string) (S, error), path, what string, none error) (S, error) {
	st, err := open(ctx, path)
	if err != nil && !errors.Is(err, none) {
		err = stateFileError(what, err)
	}
	return st, err
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"mps/store/eventlog"
)

// eventLogPath is the profile's event log. The demo has none outside the
// dashboard, so the webhook commands refuse --demo with what to do instead.
func (s *Session) eventLogPath(command string) (string, error) {
	if s.demo != nil {
		return "", usageErrorf("Run `mps --demo` and open the Events tab: the demo's webhooks live inside the dashboard.",
			"mps %s has no demo mode", command)
	}
	path, err := eventlog.DefaultPath(s.settings.Profile, s.env.Getenv)
	if err != nil {
		return "", usageErrorf("Set XDG_STATE_HOME or HOME, or use another --profile.", "%v", err)
	}
	return path, nil
}

// openEventLogIfAny opens the profile's event log for reading. A log that
// does not exist yet is not an error: it gives a nil log, and the path.
func (s *Session) openEventLogIfAny(ctx context.Context, command string) (*eventlog.Log, string, error) {
	path, err := s.eventLogPath(command)
	if err != nil {
		return nil, "", err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, path, nil
	}
	l, err := eventlog.Open(ctx, path)
	if err != nil {
		return nil, path, fmt.Errorf("%w. Check the file's permissions, or move it aside to start a new log", err)
	}
	return l, path, nil
}

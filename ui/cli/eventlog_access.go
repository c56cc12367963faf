package cli

import (
	"context"
	"errors"

	"mps/store/eventlog"
)

// demoEventLogName stands for the demo's event log in output, in place of
// the path of a temporary file that is gone when the command ends.
const demoEventLogName = "demo, replayed from the sandbox"

// demoLogDetail says, in the help of each command that reads the log, what
// it reads with --demo.
const demoLogDetail = "With --demo: the webhooks the sandbox replays, as the demo dashboard's Events tab shows\n" +
	"them, in a temporary event log removed when the command ends.\n"

// eventLogPath is the profile's event log. The demo's log is the sandbox's
// replayed history, made and removed by each command that reads it, so a
// command that writes a log (the receiver) refuses --demo.
func (s *Session) eventLogPath(command string) (string, error) {
	if s.demo != nil {
		return "", usageErrorf("The demo's webhooks come from its sandbox: `mps --demo events` lists them.",
			"mps %s has no demo mode", command)
	}
	path, err := eventlog.DefaultPath(s.settings.Profile, s.env.Getenv)
	if err != nil {
		return "", stateDirError(err)
	}
	return path, nil
}

// openEventLogIfAny opens the profile's event log for reading only, so it
// works on a log this user may not write. A log that does not exist yet
// is not an error: it gives a nil log, and the path. With --demo it is the
// demo's log, filled with the sandbox's history.
func (s *Session) openEventLogIfAny(ctx context.Context, command string) (*eventlog.Log, string, error) {
	if s.demo != nil {
		l, err := s.demo.eventLog(ctx)
		return l, demoEventLogName, err
	}
	path, err := s.eventLogPath(command)
	if err != nil {
		return nil, "", err
	}
	l, err := eventlog.OpenExisting(ctx, path)
	switch {
	case errors.Is(err, eventlog.ErrNoLog):
		return nil, path, nil
	case err != nil:
		return nil, path, stateFileError("log", err)
	}
	return l, path, nil
}

// openEventLogForWriting opens (making it when needed) the profile's log,
// for the receiver.
func openEventLogForWriting(ctx context.Context, path string) (*eventlog.Log, error) {
	l, err := eventlog.Open(ctx, path)
	if err != nil {
		return nil, stateFileError("log", err)
	}
	return l, nil
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"mps/graph"
	"mps/store/journal"
	"mps/ui/act"
)

// journalPath is the profile's journal; the demo keeps its own in a
// temporary directory that ends with the run.
func (s *Session) journalPath() (string, error) {
	if s.demo != nil {
		dir, err := s.demo.tempDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, journal.FileName), nil
	}
	path, err := journal.DefaultPath(s.settings.Profile, s.env.Getenv)
	if err != nil {
		return "", stateDirError(err)
	}
	return path, nil
}

// openJournal opens the profile's journal, making it when needed, once per
// run; close closes it.
func (s *Session) openJournal(ctx context.Context) (*journal.Store, error) {
	if s.journal != nil {
		return s.journal, nil
	}
	path, err := s.journalPath()
	if err != nil {
		return nil, err
	}
	j, err := journal.Open(ctx, path)
	if err != nil {
		return nil, stateFileError("journal", err)
	}
	s.journal = j
	return j, nil
}

// actor is the session's way to send actions: journaled, through the
// session's client. An action the journal cannot record is not sent.
func (s *Session) actor(ctx context.Context) (*act.Actor, error) {
	c, err := s.Client()
	if err != nil {
		return nil, err
	}
	j, err := s.openJournal(ctx)
	if err != nil {
		return nil, fmt.Errorf("nothing was sent: %w", err)
	}
	return &act.Actor{Client: c, Journal: j, Profile: s.settings.Profile, AppID: s.settings.AppID, Now: s.env.Now}, nil
}

// completeInFlight finishes the journal entries a stopped run of mps left
// in flight, by reading each one's solution once, and says so on stderr.
// A profile without a journal has nothing to finish; a failure here only
// warns, since the run's own work does not depend on it.
func (s *Session) completeInFlight(ctx context.Context, c *graph.Client) {
	if s.demo != nil {
		return
	}
	path, err := s.journalPath()
	if err != nil {
		return
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return
	}
	j, err := s.openJournal(ctx)
	if err != nil {
		s.warning(sentence(oneLine(err.Error())))
		return
	}
	done, err := act.Complete(ctx, c, j, s.env.Now)
	for _, e := range done {
		s.warning(fmt.Sprintf("the journal held %s of %s from %s whose outcome mps did not see: the solution reads %s now. Nothing was resent; `mps journal --solution %s` shows it.",
			e.Action, oneLine(e.ObjectID), e.Started.Local().Format("Jan 02 15:04"), oneLine(e.StateAfter), oneLine(e.ObjectID)))
	}
	if err != nil && ctx.Err() == nil {
		s.warning(sentence(oneLine("the journal has actions whose outcome is not known yet; they are read again at the next start: " + err.Error())))
	}
}

package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"mps/graph"
	"mps/store/journal"
	"mps/ui/act"
)

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
	if !s.journalExists() {
		return
	}
	// A shared store out of reach must not hold up a command that only
	// reads Graph for the whole connection timeout: this is a side job.
	opening, cancel := context.WithTimeout(ctx, completeOpenTimeout)
	j, err := s.openJournal(opening)
	cancel()
	if err != nil {
		s.warning(strings.TrimPrefix(errorLine(err, graph.CommandWords()), "mps: ")) // with what to do
		return
	}
	if where, err := s.storeLocation(); err == nil && where.postgres() {
		j = settledOnly{Journal: j, before: s.env.Now().Add(-s.inFlightGrace())}
	}
	done, err := act.Complete(ctx, c, j, s.env.Now)
	for _, e := range done {
		s.warning(fmt.Sprintf("the journal held %s of %s from %s whose outcome mps did not see: the solution reads %s now. Nothing was resent; `mps journal --solution %s` shows it.",
			e.Action, oneLine(e.ObjectID), e.Started.Local().Format("Jan 02 15:04"), oneLine(e.StateAfter), oneLine(e.ObjectID)))
	}
	switch {
	case err == nil || ctx.Err() != nil:
	case deniedByStore(err):
		s.warning(sentence(oneLine("the journal's actions left in flight by a stopped mps could not be read: "+err.Error())) + " " + storePrivilegeHint)
	default:
		s.warning(sentence(oneLine("the journal has actions whose outcome is not known yet; they are read again at the next start: " + err.Error())))
	}
}

// completeOpenTimeout bounds the opening of the journal for
// completeInFlight; an action's own opening waits the store's full
// connection timeout.
const completeOpenTimeout = 3 * time.Second

// settledOnly is a shared journal whose in-flight entries are those begun
// before a moment: a newer one may be a teammate's action still under way
// on another machine, which its own run completes.
type settledOnly struct {
	journal.Journal
	before time.Time
}

func (j settledOnly) InFlight(ctx context.Context) ([]journal.Entry, error) {
	all, err := j.Journal.InFlight(ctx)
	var settled []journal.Entry
	for _, e := range all {
		if e.Started.Before(j.before) {
			settled = append(settled, e)
		}
	}
	return settled, err
}

// inFlightGrace is longer than any run takes over one action: its POST
// and the read after, each within the request timeout, and a margin.
func (s *Session) inFlightGrace() time.Duration {
	timeout := s.timeout
	if timeout <= 0 {
		timeout = graph.DefaultTimeout
	}
	return 2*timeout + time.Minute
}

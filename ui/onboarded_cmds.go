package ui

import (
	"context"
	"errors"
	"io/fs"
	"os"

	tea "charm.land/bubbletea/v2"

	"mps/store/eventlog"
)

// errNoEventLog says the profile's event log does not exist yet: no
// webhook receiver has stored anything.
var errNoEventLog = errors.New("no event log yet")

// onboardedMsg answers the inspector's read of the WABAs that PARTNER_ADDED
// webhooks reported for one solution.
type onboardedMsg struct {
	Origin
	SolutionID string
	Seen       []eventlog.SeenWABA // every report for the solution, removed ones too
	NoLog      bool
	Err        error
}

// seenWABAsIn reads what PARTNER_ADDED webhooks reported, from the open log
// or from the file at the path, which is opened for the one read.
func seenWABAsIn(cfg EventsConfig) func(context.Context) ([]eventlog.SeenWABA, error) {
	return func(ctx context.Context) ([]eventlog.SeenWABA, error) {
		if cfg.Log != nil {
			return cfg.Log.WABAsSeen(ctx)
		}
		if _, err := os.Stat(cfg.Path); errors.Is(err, fs.ErrNotExist) {
			return nil, errNoEventLog
		}
		l, err := eventlog.Open(ctx, cfg.Path)
		if err != nil {
			return nil, err
		}
		defer l.Close()
		return l.WABAsSeen(ctx)
	}
}

// readOnboarded reads the WABAs webhooks reported for one solution.
func readOnboarded(ctx context.Context, c *Context, o Origin, solutionID string) tea.Cmd {
	return func() tea.Msg {
		msg := onboardedMsg{Origin: o, SolutionID: solutionID}
		seen, err := c.SeenWABAs(ctx)
		switch {
		case errors.Is(err, errNoEventLog):
			msg.NoLog = true
		case err != nil:
			msg.Err = err
		}
		for _, s := range seen {
			if s.SolutionID == solutionID {
				msg.Seen = append(msg.Seen, s)
			}
		}
		return msg
	}
}

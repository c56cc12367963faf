package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"mps/store/eventlog"
)

// onboardedMsg answers the inspector's read of the WABAs that PARTNER_ADDED
// webhooks reported for one solution.
type onboardedMsg struct {
	Origin
	SolutionID string
	Seen       []eventlog.SeenWABA // every report for the solution, removed ones too
	NoLog      bool
	Err        error
}

// seenWABAsIn reads what PARTNER_ADDED webhooks reported from the log
// open opens for the one read.
func seenWABAsIn(open func(context.Context) (*eventlog.Log, error)) func(context.Context) ([]eventlog.SeenWABA, error) {
	return func(ctx context.Context) ([]eventlog.SeenWABA, error) {
		l, err := open(ctx)
		if err != nil {
			return nil, err
		}
		defer l.Close()
		return l.WABAsSeen(ctx)
	}
}

// readOnboarded reads the WABAs webhooks reported for one solution.
func readOnboarded(ctx context.Context, c *Shared, o Origin, solutionID string) tea.Cmd {
	return func() tea.Msg {
		msg := onboardedMsg{Origin: o, SolutionID: solutionID}
		seen, err := c.seenWABAs(ctx)
		switch {
		case errors.Is(err, eventlog.ErrNoLog):
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

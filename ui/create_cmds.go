package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"mps/ui/act"
)

// createTab is the Origin tab of the create form's reads.
const createTab TabID = -3

// appNameMsg answers the read of the partner app's name.
type appNameMsg struct {
	Origin
	AppID string
	Name  string
	Err   error
}

// createDoneMsg is the outcome of a create: its one POST and the read after.
type createDoneMsg struct {
	Request createRequest
	Outcome act.CreateOutcome
	// NotSent says why nothing was sent: the journal could not record the
	// create first.
	NotSent error
}

func readAppName(ctx context.Context, c *Shared, o Origin, appID string) tea.Cmd {
	return func() tea.Msg {
		name, err := c.Client.AppName(ctx, appID)
		return appNameMsg{Origin: o, AppID: appID, Name: name, Err: err}
	}
}

// createSolution sends the confirmed create the one way (ui/act): the
// journal first, one POST, never resent; after an unknown outcome the
// solutions are listed to say whether it exists.
func createSolution(ctx context.Context, c *Shared, req createRequest) tea.Cmd {
	return func() tea.Msg {
		out, err := c.actor.Create(ctx, req.New)
		return createDoneMsg{Request: req, Outcome: out, NotSent: err}
	}
}

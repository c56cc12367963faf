package ui

import (
	"context"
	"fmt"
	"iter"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// The commands that read and write Graph. Like every command they do the
// IO, return a message and change no model state.

// noListError means the client handed back no iterator at all.
type noListError struct{}

func (noListError) Error() string { return "the Graph client returned no list" }

// missingIDError is a profile without an ID a list needs; it is the
// person's to fix, so it says how.
type missingIDError struct{ what, flag, env string }

func (e missingIDError) Error() string {
	return fmt.Sprintf("no %s is set: pass %s or set %s (mps login saves it in the profile)", e.what, e.flag, e.env)
}

// failNow answers at once with an error, as a first page would.
func failNow[T any](o Origin, err error) tea.Cmd {
	return func() tea.Msg { return pageMsg[T]{Origin: o, Err: err, Done: true} }
}

// loadSolutions reads the app's solution list page by page. Our role comes
// from graph.AppSolutionPages (its role=OWNER and role=PARTNER chains,
// side by side), so it holds also when Graph ignores the expansion.
func loadSolutions(ctx context.Context, c *Shared, o Origin) tea.Cmd {
	if c.AppID == "" {
		return failNow[graph.Solution](o, missingIDError{"app ID", "--app-id", "MPS_APP_ID"})
	}
	return firstPage(o, func() iter.Seq2[graph.Page[graph.Solution], error] {
		return c.Client.AppSolutionPages(ctx, c.AppID, graph.SolutionQuery{Detailed: true})
	})
}

func loadWABAs(ctx context.Context, c *Shared, o Origin, partnerBusinessIDs []string) tea.Cmd {
	if c.BusinessID == "" {
		return failNow[graph.WABA](o, missingIDError{"business ID", "--business-id", "MPS_BUSINESS_ID"})
	}
	return firstPage(o, func() iter.Seq2[graph.Page[graph.WABA], error] {
		return c.Client.ClientWABAPages(ctx, c.BusinessID, partnerBusinessIDs)
	})
}

func loadPartnerRows(ctx context.Context, c *Shared, o Origin, solutionID string) tea.Cmd {
	return firstPage(o, func() iter.Seq2[graph.Page[graph.PartnerRow], error] {
		return c.Client.PartnerPages(ctx, solutionID)
	})
}

func readSolution(ctx context.Context, c *Shared, o Origin, id string) tea.Cmd {
	return func() tea.Msg {
		s, err := c.Client.Solution(ctx, id)
		return solutionReadMsg{Origin: o, ID: id, Solution: s, Err: err}
	}
}

func loadWABASolutions(ctx context.Context, c *Shared, o Origin, wabaID string) tea.Cmd {
	return func() tea.Msg {
		list, err := c.Client.WABASolutions(ctx, wabaID)
		return wabaSolutionsMsg{Origin: o, WABAID: wabaID, Solutions: list, Err: err}
	}
}

func tickClock() tea.Cmd {
	return tea.Tick(time.Second, func(_ time.Time) tea.Msg { return clockTickMsg{} })
}

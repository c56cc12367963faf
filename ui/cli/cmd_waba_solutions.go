package cli

import (
	"context"

	"github.com/spf13/cobra"

	"mps/graph"
)

func newWABASolutionsCommand(a *app) *cobra.Command {
	return a.solutionListCommand(&cobra.Command{
		Use:   "waba-solutions WABA_ID",
		Short: "List the solutions that onboarded a WhatsApp Business Account",
		Long: "With --json: one JSON array with Graph's fields, plus display_state, our_role and allowed_actions.\n" +
			"Our role comes from the app's solution lists (filtered by role), when the profile has an app ID.\n" +
			csvDetail,
	}, func(ctx context.Context, s *Session, args []string) (*graph.Client, []graph.Solution, error) {
		c, list, err := readByID(ctx, s, "WABA", args[0], "solutions", (*graph.Client).WABASolutionPages)
		if err != nil {
			return nil, nil, err
		}
		// The edge names no side and takes no role filter: our side
		// comes from the app's role lists, when the profile has an app.
		if appID := s.settings.AppID; appID != "" {
			if err := c.MarkRoles(ctx, appID, list); err != nil {
				return nil, nil, err
			}
		}
		return c, list, nil
	})
}

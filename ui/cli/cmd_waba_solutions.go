package cli

import (
	"context"
	"flag"
)

func wabaSolutionsCommand() Command {
	return Command{
		Name:    "waba-solutions",
		Args:    "WABA_ID",
		NArgs:   1,
		Summary: "List the solutions that onboarded a WhatsApp Business Account",
		Detail: "With --json: one JSON array with Graph's fields, plus display_state, our_role and allowed_actions.\n" +
			"Our role comes from the app's solution lists (filtered by role), when the profile has an app ID.\n" +
			csvDetail,
		Setup: func(fs *flag.FlagSet) Runner {
			out := listFormatFlags(fs)
			return func(ctx context.Context, s *Session, args []string) error {
				format, err := out.format()
				if err != nil {
					return err
				}
				c, err := s.clientFor("WABA", args[0])
				if err != nil {
					return err
				}
				list, err := readPages(s, "solutions", c.WABASolutionPages(ctx, args[0]))
				if err != nil {
					return err
				}
				// The edge names no side and takes no role filter: our side
				// comes from the app's role lists, when the profile has an app.
				if appID := s.settings.AppID; appID != "" {
					if err := c.MarkRoles(ctx, appID, list); err != nil {
						return err
					}
				}
				return s.printSolutions(list, format)
			}
		},
	}
}

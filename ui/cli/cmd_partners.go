package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
)

func partnersCommand() Command {
	return Command{
		Name:    "partners",
		Args:    "SOLUTION_ID",
		NArgs:   1,
		Summary: "List a solution's partner rows",
		Detail:  "With --json: one JSON array of the rows, with Graph's fields.",
		Setup: func(fs *flag.FlagSet) Runner {
			asJSON := jsonFlag(fs)
			return func(ctx context.Context, s *Session, args []string) error {
				if err := requireID("solution", args[0]); err != nil {
					return err
				}
				c, err := s.Client()
				if err != nil {
					return err
				}
				rows, err := c.Partners(ctx, args[0])
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(s.stdout, nonNil(rows))
				}
				if len(rows) == 0 {
					_, err := fmt.Fprintln(s.stdout, "No partner rows.")
					return err
				}
				t := newTable("ROW ID", "PARTNER APP", "STATUS", "PARTNER PERMISSIONS")
				for _, row := range rows {
					app := ""
					if row.PartnerApp != nil {
						app = appLabel(row.PartnerApp)
					}
					t.add(row.ID, app, row.Status, strings.Join(row.PartnerPermissions, ","))
				}
				return t.write(s.stdout)
			}
		},
	}
}

package cli

import (
	"context"
	"flag"
	"strings"
)

func partnersCommand() Command {
	return Command{
		Name:    "partners",
		Args:    "SOLUTION_ID",
		NArgs:   1,
		Summary: "List a solution's partner rows",
		Detail:  "With --json: one JSON array of the rows, with Graph's fields.\n" + csvDetail,
		Setup: func(fs *flag.FlagSet) Runner {
			out := listFormatFlags(fs)
			return func(ctx context.Context, s *Session, args []string) error {
				format, err := out.format()
				if err != nil {
					return err
				}
				c, err := s.clientFor("solution", args[0])
				if err != nil {
					return err
				}
				rows, err := readPages(s, "partner rows", c.PartnerPages(ctx, args[0]))
				if err != nil {
					return err
				}
				return s.printList(format, listOutput{
					count: len(rows),
					none:  "No partner rows.",
					json:  func() (any, error) { return nonNil(rows), nil },
					table: func() *table {
						t := newTable("ROW ID", "PARTNER APP", "STATUS", "PARTNER PERMISSIONS")
						for _, row := range rows {
							app := ""
							if row.PartnerApp != nil {
								app = appLabel(row.PartnerApp)
							}
							t.add(row.ID, app, row.Status, strings.Join(row.PartnerPermissions, ","))
						}
						return t
					},
				})
			}
		},
	}
}

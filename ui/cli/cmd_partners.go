package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
)

func newPartnersCommand(a *app) *cobra.Command {
	cmd := a.listCommand(&cobra.Command{
		Use:   "partners SOLUTION_ID",
		Short: "List a solution's partner rows",
		Long:  "With --json: one JSON array of the rows, with Graph's fields.\n" + csvDetail,
	}, func(ctx context.Context, s *Session, args []string, format outputFormat) error {
		_, rows, err := readByID(ctx, s, "solution", args[0], "partner rows", (*graph.Client).PartnerPages)
		if err != nil {
			return err
		}
		return s.printList(format, listOutput{
			count: len(rows),
			none:  "No partner rows.",
			json:  func() (any, error) { return nonNil(rows), nil },
			table: func() *plainTable {
				t := newPlainTable("ROW ID", "PARTNER APP", "STATUS", "PARTNER PERMISSIONS")
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
	})
	return cmd
}

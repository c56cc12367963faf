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
		return s.printList(format, rowsOutput(rows, "No partner rows.", []string{"ROW ID", "PARTNER APP", "STATUS", "PARTNER PERMISSIONS"},
			func(row graph.PartnerRow) []string {
				app := ""
				if row.PartnerApp != nil {
					app = appLabel(row.PartnerApp)
				}
				return []string{row.ID, app, row.Status, strings.Join(row.PartnerPermissions, ",")}
			}))
	})
	return cmd
}

package cli

import (
	"context"

	"github.com/spf13/cobra"

	"mps/graph"
)

func newCustomersCommand(a *app) *cobra.Command {
	var partners []string
	var solution string
	cmd := a.listCommand(&cobra.Command{
		Use:   "customers",
		Short: "List the WhatsApp Business Accounts onboarded through our solutions, every page",
		Long: "Reads client_whatsapp_business_accounts of the profile's business. Each --partner keeps\n" +
			"only the accounts shared with that partner business too.\n" +
			"With --solution: only the accounts onboarded through that solution and not removed since,\n" +
			"newest first, as the PARTNER_ADDED webhooks in the profile's event log report them (Graph\n" +
			"cannot list accounts by solution; `mps webhook serve` stores them), joined with the list\n" +
			"above; an account the API does not list shows NAME " + notListedName + ".\n" +
			"With --solution and --demo: the PARTNER_ADDED webhooks the sandbox replays.\n" +
			"With --json: one JSON array with Graph's fields (with --solution also solution_id, listed\n" +
			"and first_reported).\n" +
			csvDetail,
	}, func(ctx context.Context, s *Session, _ []string, format outputFormat) error {
		if err := requireIDs("partner business", partners); err != nil {
			return err
		}
		if solution != "" {
			if err := requireID("solution", solution); err != nil {
				return err
			}
			if len(partners) > 0 {
				return usageErrorf("Use one of them.", "--solution and --partner cannot be used together")
			}
		}
		businessID, err := s.requireBusinessID()
		if err != nil {
			return err
		}
		if solution != "" {
			return solutionCustomers(ctx, s, businessID, solution, format)
		}
		wabas, err := s.readCustomers(ctx, businessID, partners)
		if err != nil {
			return err
		}
		return s.printList(format, rowsOutput(wabas, "No customers.", []string{"WABA ID", "NAME", "TIMEZONE", "BUSINESS TYPE", "TEMPLATE NAMESPACE"},
			func(w graph.WABA) []string {
				return []string{w.ID, w.Name, w.TimezoneID, w.BusinessType, w.MessageTemplateNamespace}
			}))
	})
	fs := cmd.Flags()
	a.partnerFlag(cmd, &partners, "only accounts shared with this partner `BUSINESS_ID` (repeatable)")
	fs.StringVar(&solution, "solution", "", "only accounts onboarded through this `SOLUTION_ID` (from the webhook event log)")
	return cmd
}

// readCustomers reads every page of the business's customer WABAs, only
// those shared with each of partners too when there are any.
func (s *Session) readCustomers(ctx context.Context, businessID string, partners []string) ([]graph.WABA, error) {
	c, err := s.Client()
	if err != nil {
		return nil, err
	}
	return readPages(s, "customers", c.ClientWABAPages(ctx, businessID, partners))
}

// partnerFlag is --partner, which customers and reconcile take, as many
// times as there are partners to keep.
func (a *app) partnerFlag(cmd *cobra.Command, partners *[]string, usage string) {
	cmd.Flags().StringArrayVar(partners, "partner", nil, usage)
	mustComplete(cmd, "partner", a.flags.savedPartners(a.env))
}

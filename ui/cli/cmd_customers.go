package cli

import (
	"context"
	"flag"
)

func customersCommand() Command {
	return Command{
		Name:    "customers",
		NArgs:   0,
		Summary: "List the WhatsApp Business Accounts onboarded through our solutions, every page",
		Detail: "Reads client_whatsapp_business_accounts of the profile's business. Each --partner keeps\n" +
			"only the accounts shared with that partner business too.\n" +
			"With --json: one JSON array with Graph's fields.\n" +
			csvDetail,
		Setup: func(fs *flag.FlagSet) Runner {
			var partners stringList
			fs.Var(&partners, "partner", "only accounts shared with this partner `BUSINESS_ID` (repeatable)")
			out := listFormatFlags(fs)
			return func(ctx context.Context, s *Session, _ []string) error {
				format, err := out.format()
				if err != nil {
					return err
				}
				for _, id := range partners {
					if err := requireID("partner business", id); err != nil {
						return err
					}
				}
				businessID, err := s.requireBusinessID()
				if err != nil {
					return err
				}
				c, err := s.Client()
				if err != nil {
					return err
				}
				wabas, err := c.ClientWABAs(ctx, businessID, partners)
				if err != nil {
					return err
				}
				return s.printList(format, listOutput{
					count: len(wabas),
					none:  "No customers.",
					json:  func() (any, error) { return nonNil(wabas), nil },
					table: func() *table {
						t := newTable("WABA ID", "NAME", "TIMEZONE", "BUSINESS TYPE", "TEMPLATE NAMESPACE")
						for _, w := range wabas {
							t.add(w.ID, w.Name, w.TimezoneID, w.BusinessType, w.MessageTemplateNamespace)
						}
						return t
					},
				})
			}
		},
	}
}

package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"mps/store"
)

func newProfileAddPartnerCommand(a *app) *cobra.Command {
	var name string
	cmd := &cobra.Command{
		Use:   "add-partner BUSINESS_ID",
		Short: "Add a partner business to the profile (the dashboard's Customers filter)",
		Long:  "Adding a partner that is already listed only updates its name, when --name is given.",
		RunE: a.runs(func(ctx context.Context, s *Session, args []string) error {
			return s.runAddPartner(args[0], name)
		}),
	}
	cmd.Flags().StringVar(&name, "name", "", "a display `NAME` for the partner")
	return cmd
}

func (s *Session) runAddPartner(id, name string) error {
	name, err := checkPartnerName(name)
	if err != nil {
		return err
	}
	profile := s.settings.Profile
	return s.editPartner(id, func(p *store.Profile, i int) (bool, error) {
		switch {
		case i < 0:
			p.Partners = append(p.Partners, store.Partner{BusinessID: id, Name: name})
		case name == "" || p.Partners[i].Name == name:
			return false, nil
		default:
			p.Partners[i].Name = name
		}
		return true, nil
	},
		fmt.Sprintf("Saved partner %s in profile %q", id, profile),
		fmt.Sprintf("Business %s is already a partner in profile %q; nothing changed.", id, profile))
}

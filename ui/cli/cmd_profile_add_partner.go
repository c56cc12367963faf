package cli

import (
	"context"
	"flag"
	"fmt"

	"mps/store"
)

func profileAddPartnerCommand() Command {
	return Command{
		Name:    "profile add-partner",
		Args:    "BUSINESS_ID",
		NArgs:   1,
		Summary: "Add a partner business to the profile (the dashboard's Customers filter)",
		Detail:  "Adding a partner that is already listed only updates its name, when --name is given.",
		Setup: func(fs *flag.FlagSet) Runner {
			name := fs.String("name", "", "a display `NAME` for the partner")
			return func(ctx context.Context, s *Session, args []string) error {
				return s.runAddPartner(args[0], *name)
			}
		},
	}
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

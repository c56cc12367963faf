package cli

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"mps/store"
)

func newProfileRemovePartnerCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "remove-partner BUSINESS_ID",
		Short: "Remove a partner business from the profile",
		RunE: a.runs(func(ctx context.Context, s *Session, args []string) error {
			return s.runRemovePartner(args[0])
		}),
	}
}

func (s *Session) runRemovePartner(id string) error {
	profile := s.settings.Profile
	return s.editPartner(id, func(p *store.Profile, i int) (bool, error) {
		if i < 0 {
			return false, usageErrorf("`mps profile show` lists the profile's partners.",
				"business %s is not a partner in profile %q; nothing was removed", id, profile)
		}
		p.Partners = slices.Delete(p.Partners, i, i+1)
		return true, nil
	},
		fmt.Sprintf("Removed partner %s from profile %q", id, profile), "")
}

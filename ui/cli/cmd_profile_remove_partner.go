package cli

import (
	"fmt"
	"slices"

	"mps/store"
)

func (s *Session) runRemovePartner(args []string) error {
	id, profile := args[0], s.settings.Profile
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

package cli

import (
	"fmt"
	"slices"

	"mps/store"
)

// editPartner checks a partner business ID, lets change edit the profile
// given the partner's index in its list (-1 when absent), saves when change
// reports a change, and prints done or unchanged accordingly. An error from
// change leaves the file as it was.
func (s *Session) editPartner(id string, change func(p *store.Profile, i int) (bool, error), done, unchanged string) error {
	if err := requireID("partner business", id); err != nil {
		return err
	}
	saved, err := s.editProfile(func(p *store.Profile) (bool, error) {
		return change(p, partnerIndex(p.Partners, id))
	})
	if err != nil {
		return err
	}
	if !saved {
		_, err = fmt.Fprintln(s.stdout, unchanged)
		return err
	}
	_, err = fmt.Fprintf(s.stdout, "%s (%s).\n", done, store.ConfigPath(s.env.ConfigDir))
	return err
}

func partnerIndex(partners []store.Partner, id string) int {
	return slices.IndexFunc(partners, func(p store.Partner) bool { return p.BusinessID == id })
}

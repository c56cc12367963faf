package cli

import (
	"context"
	"fmt"
	"slices"

	"mps/store"
)

// editProfile lets change edit the session's profile as it is in the config
// file now, under the config's lock (store.UpdateConfig: read, change,
// save atomically at 0600), so parallel mps commands all keep their edits.
// change reports whether it changed anything; nothing is written when it
// did not or when it fails, and a value the store refuses is a usage error.
func (s *Session) editProfile(change func(p *store.Profile) (bool, error)) (saved bool, err error) {
	if err := s.refuseDemo(); err != nil {
		return false, err
	}
	name := s.settings.Profile
	var editErr error // change's own error, or the store refusing its value: returned as it is
	cfg, saved, err := store.UpdateConfig(context.Background(), s.env.ConfigDir, func(cfg *store.Config) (bool, error) {
		p, _ := cfg.Profile(name)
		p.Partners = slices.Clone(p.Partners) // the loaded config keeps its own
		changed, err := change(&p)
		if err == nil && changed {
			if err = cfg.SetProfile(name, p); err != nil {
				err = usageErrorf("Nothing was saved.", "%v", err)
			}
		}
		editErr = err
		return changed && err == nil, err
	})
	if editErr != nil {
		return false, editErr
	}
	if err != nil {
		return false, fmt.Errorf("the profile was not saved: %w", err)
	}
	s.config = cfg
	return saved, nil
}

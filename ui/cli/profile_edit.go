package cli

import (
	"fmt"
	"slices"

	"mps/store"
)

// editProfile lets change edit the session's profile, then saves the
// config file atomically (store.SaveConfig: 0600, temp file and rename).
// change reports whether it changed anything; nothing is written when it
// did not or when it fails, and a value the store refuses is a usage error.
func (s *Session) editProfile(change func(p *store.Profile) (bool, error)) (saved bool, err error) {
	if err := s.refuseDemo(); err != nil {
		return false, err
	}
	name := s.settings.Profile
	cfg := s.config
	p, _ := cfg.Profile(name)
	p.Partners = slices.Clone(p.Partners) // the loaded config keeps its own
	changed, err := change(&p)
	if err != nil || !changed {
		return false, err
	}
	if err := cfg.SetProfile(name, p); err != nil {
		return false, usageErrorf("Nothing was saved.", "%v", err)
	}
	if err := store.SaveConfig(s.env.ConfigDir, cfg); err != nil {
		return false, fmt.Errorf("the profile was not saved: %w", err)
	}
	s.config = cfg
	return true, nil
}

// refuseDemo stops commands that change a profile or its secrets: the demo
// has neither.
func (s *Session) refuseDemo() error {
	if s.demo == nil {
		return nil
	}
	return usageErrorf("Leave out --demo to work on your own profiles.", "the demo has no profile or secrets to change")
}

package cli

import (
	"github.com/spf13/cobra"

	"mps/store"
)

func newLogoutCommand(a *app) *cobra.Command {
	return a.leafCommand("logout", "Remove the profile's token from the OS keyring", "", (*Session).runLogout)
}

func (s *Session) runLogout([]string) error {
	if s.demo != nil {
		return usageErrorf("", "the demo has nothing to log out of")
	}
	return s.removeSecret(store.AccessToken)
}

package cli

import (
	"context"

	"github.com/spf13/cobra"

	"mps/store"
)

func newLogoutCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Remove the profile's token from the OS keyring",
		RunE: a.runs(func(ctx context.Context, s *Session, _ []string) error {
			if s.demo != nil {
				return usageErrorf("", "the demo has nothing to log out of")
			}
			return s.removeSecret(store.AccessToken)
		}),
	}
}

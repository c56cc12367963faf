package cli

import (
	"context"
	"flag"

	"mps/store"
)

func logoutCommand() Command {
	return Command{
		Name:    "logout",
		NArgs:   0,
		Summary: "Remove the profile's token from the OS keyring",
		Setup: func(fs *flag.FlagSet) Runner {
			return func(ctx context.Context, s *Session, _ []string) error {
				if s.demo != nil {
					return usageErrorf("", "the demo has nothing to log out of")
				}
				return s.removeSecret(store.AccessToken)
			}
		},
	}
}

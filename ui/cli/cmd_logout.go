package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

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
				profile := s.settings.Profile
				err := s.secrets.Delete(store.AccessToken)
				switch {
				case errors.Is(err, store.ErrNotFound):
					fmt.Fprintf(s.stdout, "No token was stored for profile %q; nothing to remove.\n", profile)
				case err != nil:
					return err
				default:
					fmt.Fprintf(s.stdout, "Removed the token of profile %q from the %s.\n", profile, store.Source{Profile: profile})
				}
				if s.secrets.EnvSet(store.AccessToken) {
					fmt.Fprintf(s.stderr, "mps: note: %s is still set, and mps will keep using it until you unset it.\n", store.EnvToken)
				}
				return nil
			}
		},
	}
}

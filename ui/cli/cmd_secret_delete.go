package cli

import (
	"context"
	"flag"
)

func secretDeleteCommand() Command {
	return Command{
		Name:    "secret delete",
		Args:    secretNamesSynopsis,
		Choices: secretNameList(),
		NArgs:   1,
		Summary: "Remove the app secret or the webhook verify token from the OS keyring",
		Setup: func(fs *flag.FlagSet) Runner {
			return func(ctx context.Context, s *Session, args []string) error {
				if err := s.refuseDemo(); err != nil {
					return err
				}
				n, err := parseSecretName(args[0])
				if err != nil {
					return err
				}
				return s.removeSecret(n.kind)
			}
		},
	}
}

package cli

import (
	"context"

	"github.com/spf13/cobra"
)

func newSecretDeleteCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:               "delete " + secretNamesSynopsis,
		Short:             "Remove the app secret, the webhook verify token or the store password from the OS keyring",
		ValidArgsFunction: completeArgs(1, secretNameList()...),
		RunE: a.runs(func(ctx context.Context, s *Session, args []string) error {
			if err := s.refuseDemo(); err != nil {
				return err
			}
			n, err := parseSecretName(args[0])
			if err != nil {
				return err
			}
			return s.removeSecret(n.kind)
		}),
	}
}

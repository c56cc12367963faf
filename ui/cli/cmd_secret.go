package cli

import "github.com/spf13/cobra"

func newSecretCommand(a *app) *cobra.Command {
	return groupCommand("secret", "Keep the app secret and the webhook verify token in the OS keyring",
		newSecretSetCommand(a), newSecretDeleteCommand(a), a.leafCommand("status", secretStatusShort, secretStatusLong, (*Session).runSecretStatus))
}

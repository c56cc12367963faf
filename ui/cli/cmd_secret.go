package cli

import "github.com/spf13/cobra"

func newSecretCommand(a *app) *cobra.Command {
	return groupCommand("secret", "Keep the app secret, the webhook verify token and the store password in the OS keyring",
		newSecretSetCommand(a), newSecretDeleteCommand(a), a.leafCommand("status", secretStatusShort, secretStatusLong, (*Session).runSecretStatus))
}

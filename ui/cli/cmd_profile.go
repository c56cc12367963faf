package cli

import "github.com/spf13/cobra"

func newProfileCommand(a *app) *cobra.Command {
	return groupCommand("profile", "Show or change the profile's saved IDs, API version, Graph URL and partners",
		newProfileShowCommand(a), newProfileSetCommand(a), newProfileUnsetCommand(a),
		newProfileAddPartnerCommand(a), newProfileRemovePartnerCommand(a))
}

package cli

import "github.com/spf13/cobra"

func newProfileCommand(a *app) *cobra.Command {
	return groupCommand("profile", "Show or change the profile's saved IDs, API version, Graph URL and partners",
		newProfileShowCommand(a),
		a.leafCommand("set", profileSetShort, profileSetLong, (*Session).runProfileSet),
		newProfileUnsetCommand(a),
		newProfileAddPartnerCommand(a),
		a.leafCommand("remove-partner BUSINESS_ID", "Remove a partner business from the profile", "", (*Session).runRemovePartner))
}

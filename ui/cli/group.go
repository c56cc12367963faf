package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// groupCommand is a noun whose subcommands do the work ("mps profile show").
// Alone, or with a word that is none of them, it is a usage error.
func groupCommand(use, short string, subcommands ...*cobra.Command) *cobra.Command {
	group := &cobra.Command{
		Use:   use + " COMMAND",
		Short: short,
		Args:  cobra.ArbitraryArgs,
		// As cobra does for the root: "mps secret sett" suggests "set".
		SuggestionsMinimumDistance: 2,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(cmd, args[0])
			}
			var names []string
			for _, c := range cmd.Commands() {
				names = append(names, c.Name())
			}
			return usageErrorf(helpHint(cmd), "%s needs one of: %s", cmd.CommandPath(), strings.Join(names, ", "))
		},
	}
	group.AddCommand(subcommands...)
	return group
}

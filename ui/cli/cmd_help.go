package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// newHelpCommand serves "mps help" and "mps help COMMAND", as --help does;
// a command it does not know is a usage error, as everywhere else.
func newHelpCommand() *cobra.Command {
	return &cobra.Command{
		Use:               "help [COMMAND]",
		Short:             "Show the help of mps or of one of its commands",
		ValidArgsFunction: completeCommandNames,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				return usageErrorf("Run `mps --help` to see the commands.", "unknown command %q", text80(strings.Join(args, " ")))
			}
			target.InitDefaultHelpFlag() // as cobra's own help command does, so the page matches --help
			return target.Help()
		},
	}
}

// completeCommandNames offers, after "mps help WORD...", the commands below
// the ones already named.
func completeCommandNames(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	parent, rest, err := cmd.Root().Find(args)
	if err != nil || len(rest) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, c := range parent.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return completeFrom(names...)(cmd, args, typed)
}

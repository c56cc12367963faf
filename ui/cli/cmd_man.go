package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"mps/graph"
)

// newManCommand writes mps's man page, or one command's, in roff, built
// from the same command tree as --help.
func newManCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "man [COMMAND...]",
		Short: "Print the man page of mps, or of one command, in roff (mps man | man -l -)",
		Long: "The page of mps itself lists the commands under SEE ALSO as mps-COMMAND(1); `mps man COMMAND`\n" +
			"prints that one. To install them: mps man > mps.1, mps man solutions > mps-solutions.1, ...",
		ValidArgsFunction: completeCommandNames,
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return unknownCommand(cmd.Root(), text80(strings.Join(args, " ")))
			}
			now := env.Now()
			return doc.GenMan(target, &doc.GenManHeader{
				Title:   strings.ToUpper(strings.ReplaceAll(target.CommandPath(), " ", "-")),
				Section: "1",
				Date:    &now,
				Source:  "mps " + graph.Version,
				Manual:  "mps manual",
			}, cmd.OutOrStdout())
		},
	}
}

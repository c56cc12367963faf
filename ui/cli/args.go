package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// defaultArgs gives every command below root that declares none the
// argument check its Use line spells ("solution SOLUTION_ID" takes one;
// "unset FIELD..." and "help [COMMAND]" check their own), and no file
// names to complete: no mps command takes a file as an argument.
func defaultArgs(root *cobra.Command) {
	for _, c := range root.Commands() {
		defaultArgs(c)
		if c.Args == nil {
			c.Args = argsOfUse(c)
		}
		if c.ValidArgsFunction == nil {
			c.ValidArgsFunction = cobra.NoFileCompletions
		}
	}
}

func argsOfUse(cmd *cobra.Command) cobra.PositionalArgs {
	words := strings.Fields(argsSynopsis(cmd))
	for _, w := range words {
		if strings.HasSuffix(w, "...") || strings.HasPrefix(w, "[") {
			return cobra.ArbitraryArgs
		}
	}
	return exactArgs(len(words))
}

// exactArgs says that a command takes n positional arguments, which its
// Use names after the command's word ("solution SOLUTION_ID").
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		name, synopsis := cmd.CommandPath(), argsSynopsis(cmd)
		got := text80(strings.Join(args, " "))
		switch {
		case n == 0:
			return usageErrorf(helpHint(cmd), "%s takes no arguments, but got %q", name, got)
		case len(args) < n:
			return usageErrorf(helpHint(cmd), "%s needs %s", name, synopsis)
		}
		return usageErrorf(helpHint(cmd), "%s takes only %s, but got %q", name, synopsis, got)
	}
}

func argsSynopsis(cmd *cobra.Command) string {
	_, args, _ := strings.Cut(cmd.Use, " ")
	return args
}

package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
)

// runner is a command's body: it runs once the flags are parsed, in a
// session on the resolved settings.
type runner func(ctx context.Context, s *Session, args []string) error

// runs adapts body to cobra. The session opens only here, after cobra has
// parsed the flags, so help and completion never read the config, the
// keyring or the network.
func (a *app) runs(body runner) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		s, err := newSession(&a.flags, a.env)
		if err != nil {
			return err
		}
		defer s.close()
		return body(cmd.Context(), s, args)
	}
}

// listRunner is the body of a list command, told the format asked for.
type listRunner func(ctx context.Context, s *Session, args []string, format outputFormat) error

// runsList is runs for a list command: --json with --csv is refused first.
func (a *app) runsList(out *formatFlags, body listRunner) func(*cobra.Command, []string) error {
	return a.runs(func(ctx context.Context, s *Session, args []string) error {
		format, err := out.format()
		if err != nil {
			return err
		}
		return body(ctx, s, args, format)
	})
}

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

package cli

import (
	"context"

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
		s.ctx = cmd.Context()
		return body(cmd.Context(), s, args)
	}
}

// listRunner is the body of a list command, told the format asked for.
type listRunner func(ctx context.Context, s *Session, args []string, format outputFormat) error

// runsList is runs for a list command: --json with --csv is refused
// before the session opens.
func (a *app) runsList(out *formatFlags, body listRunner) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		format, err := out.format()
		if err != nil {
			return err
		}
		return a.runs(func(ctx context.Context, s *Session, args []string) error {
			return body(ctx, s, args, format)
		})(cmd, args)
	}
}

// listCommand completes cmd as a list command: its --json and --csv flags,
// and body run with the format asked for.
func (a *app) listCommand(cmd *cobra.Command, body listRunner) *cobra.Command {
	out := new(formatFlags)
	cmd.RunE = a.runsList(out, body)
	out.bind(cmd.Flags())
	return cmd
}

// jsonRunner is the body of a command whose one output option is --json.
type jsonRunner func(ctx context.Context, s *Session, args []string, asJSON bool) error

// jsonCommand completes cmd with its --json flag, and body run with it.
func (a *app) jsonCommand(cmd *cobra.Command, body jsonRunner) *cobra.Command {
	var asJSON bool
	cmd.RunE = a.runs(func(ctx context.Context, s *Session, args []string) error {
		return body(ctx, s, args, asJSON)
	})
	jsonFlag(cmd.Flags(), &asJSON)
	return cmd
}

// changeRunner is the body of a command that changes something, told
// whether --yes was given.
type changeRunner func(ctx context.Context, s *Session, args []string, yes bool) error

// changeCommand completes cmd as a change: its --yes flag, and body run
// with it.
func (a *app) changeCommand(cmd *cobra.Command, body changeRunner) *cobra.Command {
	var yes bool
	cmd.RunE = a.runs(func(ctx context.Context, s *Session, args []string) error {
		return body(ctx, s, args, yes)
	})
	cmd.Flags().BoolVar(&yes, "yes", false, "do it without asking (needed when stdin is not a terminal)")
	return cmd
}

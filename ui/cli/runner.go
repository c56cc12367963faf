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

// sessionBody is the body of a command that needs only the session and
// its arguments.
type sessionBody func(s *Session, args []string) error

// leafCommand is a command without flags of its own: the doc and the body.
// An empty long leaves the help to short.
func (a *app) leafCommand(use, short, long string, body sessionBody) *cobra.Command {
	return &cobra.Command{Use: use, Short: short, Long: long,
		RunE: a.runs(func(_ context.Context, s *Session, args []string) error { return body(s, args) })}
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

// flagRunner is the body of a command told the value of its one bool flag.
type flagRunner func(ctx context.Context, s *Session, args []string, on bool) error

// boolFlagCommand completes cmd with the bool flag name, and body run with
// its value.
func (a *app) boolFlagCommand(cmd *cobra.Command, name, usage string, body flagRunner) *cobra.Command {
	var on bool
	cmd.RunE = a.runs(func(ctx context.Context, s *Session, args []string) error {
		return body(ctx, s, args, on)
	})
	cmd.Flags().BoolVar(&on, name, false, usage)
	return cmd
}

// jsonCommand completes cmd with --json, for a command whose one output
// option it is.
func (a *app) jsonCommand(cmd *cobra.Command, body flagRunner) *cobra.Command {
	return a.boolFlagCommand(cmd, "json", jsonUsage, body)
}

// changeCommand completes cmd as a change: its --yes flag.
func (a *app) changeCommand(cmd *cobra.Command, body flagRunner) *cobra.Command {
	return a.boolFlagCommand(cmd, "yes", "do it without asking (needed when stdin is not a terminal)", body)
}

package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
)

// app is what every command of one run shares: the global flags, which
// cobra fills, and the surroundings. It lives only as long as the run.
type app struct {
	flags globalFlags
	env   Env
}

// Command groups of mps --help.
const (
	groupRead   = "read"
	groupAction = "action"
	groupSetup  = "setup"
)

// newRootCommand builds mps's command tree for one run: with no command it
// opens the dashboard. Flag values live in a and in each command's closure.
func newRootCommand(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:               "mps",
		Short:             "Run WhatsApp Multi-Partner Solutions through Meta's Graph API",
		Long:              rootDetail,
		Version:           graph.Version,
		Args:              noCommand,
		ValidArgsFunction: cobra.NoFileCompletions,
		// A usage error is one line, as every other error, and Main prints it.
		SilenceUsage:  true,
		SilenceErrors: true,
		// mps man prints the same page every time; mps completion is ours.
		DisableAutoGenTag: true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDashboard(cmd.Context(), &a.flags, a.env)
		},
	}
	root.SetIn(a.env.Stdin)
	root.SetOut(a.env.Stdout)
	root.SetErr(a.env.Stderr)
	root.SetHelpTemplate(helpTemplate)
	root.SetVersionTemplate(versionText()) // no template in it: graph.Version is ours
	root.Flags().Bool("version", false, "print mps's version and exit")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageErrorf(helpHint(cmd), "%v", err)
	})
	a.flags.bind(root, a.env)

	root.AddGroup(
		&cobra.Group{ID: groupRead, Title: "Read (tables, or JSON with --json):"},
		&cobra.Group{ID: groupAction, Title: "Act on a solution (asks first; --yes in scripts):"},
		&cobra.Group{ID: groupSetup, Title: "Set up:"},
	)
	inGroup(groupRead, root,
		newStatusCommand(a), newSolutionsCommand(a), newSolutionCommand(a), newPartnersCommand(a),
		newCustomersCommand(a), newWABASolutionsCommand(a), newEventsCommand(a), newReconcileCommand(a), newJournalCommand(a),
		newOnboardingCommand(a))
	for _, action := range graph.AllActions() {
		inGroup(groupAction, root, newActionCommand(a, action))
	}
	inGroup(groupAction, root, newCreateCommand(a))
	inGroup(groupSetup, root,
		newLoginCommand(a), newLogoutCommand(a), newProfileCommand(a), newSecretCommand(a), newWebhookCommand(a),
		newStoreCommand(a), newDoctorCommand(a), newWABACommand(a), newCreditCommand(a), newSignupSnippetCommand(a))
	root.AddCommand(newCompletionCommand(), newVersionCommand(), newManCommand(a.env))
	root.SetHelpCommand(newHelpCommand())
	defaultArgs(root)
	return root
}

func inGroup(id string, root *cobra.Command, cmds ...*cobra.Command) {
	for _, c := range cmds {
		c.GroupID = id
		root.AddCommand(c)
	}
}

// helpTemplate is cobra's, but the one-line summary always comes first and
// the detail follows it.
const helpTemplate = `{{.Short}}.{{with .Long}}

{{. | trimTrailingWhitespaces}}{{end}}

{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`

const rootDetail = `With no command it opens the dashboard; a command prints a table, or JSON
with --json. Global flags work before or after the command; each is also
read from the environment, and the flag wins.

The token comes from MPS_TOKEN, else from the OS keyring (see mps login);
there is no --token flag. MPS_APP_SECRET (or mps secret set app-secret)
switches on appsecret_proof.
The event log and the journal live in the store: SQLite files in the
profile's state directory, or a team's PostgreSQL database named by
--store or MPS_STORE (see mps store --help).
NO_COLOR turns colour off.
MPS_DEBUG=api writes one line per HTTP request to Graph on stderr (time,
method, path without secrets, status, duration, fbtrace_id, retry), or to
the file MPS_DEBUG_FILE names (created 0600, appended to); the dashboard
needs MPS_DEBUG_FILE.

Exit codes: 0 ok, 1 error, 2 usage error or refused/cancelled action,
4 authentication needed or token rejected.`

// noCommand accepts the root's own run (the dashboard) and refuses a word
// that names no command.
func noCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return unknownCommand(cmd, args[0])
}

func unknownCommand(cmd *cobra.Command, word string) error {
	hint := fmt.Sprintf("Run `%s --help` to see the commands.", cmd.CommandPath())
	near := cmd.SuggestionsFor(word)
	switch {
	case slices.Contains(near, word): // it came after "--", which ends the command's name
		hint = fmt.Sprintf("Put it before `--`: `%s %s ...`.", cmd.CommandPath(), word)
	case word != "" && len(near) > 0:
		hint = fmt.Sprintf("Did you mean `%s %s`? %s", cmd.CommandPath(), near[0], hint)
	}
	return usageErrorf(hint, "unknown command %q", text80(strings.TrimPrefix(cmd.CommandPath()+" "+word, "mps ")))
}

func helpHint(cmd *cobra.Command) string {
	return fmt.Sprintf("Run `%s --help` for its usage.", cmd.CommandPath())
}

package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// completionShell is a shell cobra writes a completion script for. Each
// script asks `mps __complete` what may follow the words typed so far, so
// it never goes stale as commands and flags change.
type completionShell struct {
	name  string
	write func(root *cobra.Command, w io.Writer) error
}

func completionShells() []completionShell {
	return []completionShell{
		{"bash", func(root *cobra.Command, w io.Writer) error { return root.GenBashCompletionV2(w, true) }},
		{"zsh", func(root *cobra.Command, w io.Writer) error { return root.GenZshCompletion(w) }},
		{"fish", func(root *cobra.Command, w io.Writer) error { return root.GenFishCompletion(w, true) }},
		{"powershell", func(root *cobra.Command, w io.Writer) error { return root.GenPowerShellCompletionWithDesc(w) }},
	}
}

func shellNames() []string {
	var names []string
	for _, sh := range completionShells() {
		names = append(names, sh.name)
	}
	return names
}

func newCompletionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "completion " + strings.Join(shellNames(), "|"),
		Short: "Print a shell script that completes mps's commands, flags and their values",
		Long: "Load it in the current shell, or add the line to your shell's startup file:\n" +
			"  bash:        source <(mps completion bash)      (needs the bash-completion package)\n" +
			"  zsh:         source <(mps completion zsh)      (after compinit)\n" +
			"  fish:        mps completion fish | source\n" +
			"  powershell:  mps completion powershell | Out-String | Invoke-Expression\n" +
			"Completion reads only mps's own commands and the profile names in the config file:\n" +
			"it never opens the keyring or the network.",
		ValidArgsFunction: completeArgs(1, shellNames()...),
		RunE: func(cmd *cobra.Command, args []string) error {
			i := slices.IndexFunc(completionShells(), func(sh completionShell) bool { return sh.name == args[0] })
			if i < 0 {
				return usageErrorf("Name one of: "+strings.Join(shellNames(), ", ")+".", "mps completion does not know the shell %q", text80(args[0]))
			}
			return completionShells()[i].write(cmd.Root(), cmd.OutOrStdout())
		},
	}
}

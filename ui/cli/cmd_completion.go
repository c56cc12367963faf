package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
)

// completionScripts are the shell functions that ask `mps __complete` what
// may follow the words typed so far, so they never go stale as commands
// and flags change.
func completionScripts() map[string]string {
	return map[string]string{
		"bash": `# mps completion for bash: source <(mps completion bash)
_mps_complete() {
  local IFS=$'\n'
  COMPREPLY=($(command mps ` + completeCommand + ` "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _mps_complete mps
`,
		"zsh": `#compdef mps
# mps completion for zsh: source <(mps completion zsh), after compinit
_mps_complete() {
  local -a candidates
  candidates=("${(@f)$(command mps ` + completeCommand + ` "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _mps_complete mps
`,
		"fish": `# mps completion for fish: mps completion fish | source
complete -c mps -f -a '(command mps ` + completeCommand + ` (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`,
	}
}

func completionCommand() Command {
	return Command{
		Name:    "completion",
		Args:    "bash|zsh|fish",
		NArgs:   1,
		Choices: []string{"bash", "zsh", "fish"},
		Summary: "Print a shell script that completes mps's commands, flags and their values",
		Detail: "Load it in the current shell, or add the line to your shell's startup file:\n" +
			"  bash:  source <(mps completion bash)\n" +
			"  zsh:   source <(mps completion zsh)      (after compinit)\n" +
			"  fish:  mps completion fish | source\n" +
			"Completion reads only mps's own command list: it never opens the keyring or the network.",
		Setup: func(fs *flag.FlagSet) Runner {
			return func(ctx context.Context, s *Session, args []string) error {
				return writeCompletionScript(s.stdout, args[0])
			}
		},
	}
}

func writeCompletionScript(w io.Writer, shell string) error {
	script, ok := completionScripts()[shell]
	if !ok {
		return usageErrorf("Name one of: bash, zsh, fish.", "mps completion does not know the shell %q", text80(shell))
	}
	_, err := fmt.Fprint(w, script)
	return err
}

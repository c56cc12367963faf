package cli

import (
	"context"
	"flag"
	"strings"

	"mps/graph"
)

// Command is one mps command. Setup declares the command's own flags on fs
// and returns the function that runs it, so flag values live in the
// closure rather than in package state.
type Command struct {
	Name    string   // one word, or a group and a word: "webhook serve"
	Args    string   // synopsis of the positional arguments, e.g. "SOLUTION_ID"
	NArgs   int      // exact number of positional arguments; anyNumber for any
	Summary string   // one line for the command list
	Detail  string   // optional paragraph for the command's --help
	Choices []string // the values its positional arguments take, for completion; nil when open
	Setup   func(fs *flag.FlagSet) Runner
}

// Runner runs a command with its positional arguments.
type Runner func(ctx context.Context, s *Session, args []string) error

const anyNumber = -1

// commands is every command mps knows, in the order --help lists them.
// Adding a command is one line here plus its cmd_*.go file.
func commands() []Command {
	return []Command{
		loginCommand(),
		logoutCommand(),
		statusCommand(),
		solutionsCommand(),
		solutionCommand(),
		partnersCommand(),
		customersCommand(),
		wabaSolutionsCommand(),
		actionCommand(graph.ActionAccept),
		actionCommand(graph.ActionReject),
		actionCommand(graph.ActionRequestDeactivation),
		actionCommand(graph.ActionAcceptDeactivation),
		actionCommand(graph.ActionRejectDeactivation),
		webhookServeCommand(), eventsCommand(), reconcileCommand(),
		secretSetCommand(),
		secretDeleteCommand(),
		secretStatusCommand(),
		profileShowCommand(),
		profileSetCommand(),
		profileUnsetCommand(),
		profileAddPartnerCommand(),
		profileRemovePartnerCommand(),
		completionCommand(),
	}
}

// findCommand picks the command whose name is the longest prefix of words,
// and returns the words left over.
func findCommand(words []string) (Command, []string, bool) {
	var best Command
	bestLen := 0
	for _, c := range commands() {
		name := strings.Fields(c.Name)
		if len(name) > bestLen && len(name) <= len(words) && equalWords(name, words[:len(name)]) {
			best, bestLen = c, len(name)
		}
	}
	return best, words[bestLen:], bestLen > 0
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

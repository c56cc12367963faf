// Package cli is mps's command line: the global flags, the scriptable
// commands with their plain tables and --json output, and the exit codes
// scripts rely on. Main runs it in-process, so tests drive it with their
// own Env.
package cli

import (
	"context"
	"fmt"

	"mps/ui/text"
)

// Main runs mps with args (without the program name) and returns the exit code.
func Main(ctx context.Context, args []string, env Env) int {
	env = env.withDefaults()
	root := newRootCommand(&app{env: env})
	// A nil slice would make cobra read os.Args instead.
	root.SetArgs(append([]string{}, args...))
	err := root.ExecuteContext(ctx)
	if err != nil {
		fmt.Fprintln(env.Stderr, errorLine(err, commandWords(env)))
	}
	return exitCode(err)
}

// text80 makes user input safe to quote back: one line, at most 80 cells.
func text80(s string) string {
	return text.Truncate(oneLine(s), 80)
}

// Package cli is mps's command line: the global flags, the scriptable
// commands with their plain tables and --json output, and the exit codes
// scripts rely on. Main runs it in-process, so tests drive it with their
// own Env.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"mps/graph"
	"mps/ui/text"
)

// Main runs mps with args (without the program name) and returns the exit code.
func Main(ctx context.Context, args []string, env Env) int {
	env = env.withDefaults()
	err := run(ctx, args, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, errorLine(err, commandWords(env)))
	}
	return exitCode(err)
}

func run(ctx context.Context, args []string, env Env) error {
	var g globalFlags
	root := newFlagSet("mps")
	g.bind(root)
	version := root.Bool("version", false, "print mps's version and exit")
	if err := root.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return writeRootHelp(env.Stdout)
		}
		return usageErrorf("Run `mps --help` to see the flags.", "%v", err)
	}
	if *version {
		_, err := fmt.Fprintf(env.Stdout, "mps %s\n", graph.Version)
		return err
	}
	words := root.Args()
	switch {
	case len(words) == 0:
		return runDashboard(ctx, &g, env)
	case words[0] == "help":
		return runHelp(env, words[1:])
	case words[0] == completeCommand:
		return runComplete(env.Stdout, words[1:])
	}
	cmd, rest, ok := findCommand(words)
	if !ok {
		return usageErrorf("Run `mps --help` to see the commands.", "unknown command %q", text80(words[0]))
	}
	fs := newFlagSet("mps " + cmd.Name)
	g.bind(fs)
	runner := cmd.Setup(fs)
	positional, err := parseInterleaved(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return writeCommandHelp(env.Stdout, cmd)
		}
		return usageErrorf(helpHint(cmd), "%v", err)
	}
	if err := checkArgCount(cmd, positional); err != nil {
		return err
	}
	s, err := newSession(&g, env)
	if err != nil {
		return err
	}
	defer s.close()
	s.ctx = ctx
	return runner(ctx, s, positional)
}

func checkArgCount(cmd Command, positional []string) error {
	if cmd.NArgs == anyNumber || len(positional) == cmd.NArgs {
		return nil
	}
	if cmd.NArgs == 0 {
		return usageErrorf(helpHint(cmd), "mps %s takes no arguments, but got %q", cmd.Name, text80(strings.Join(positional, " ")))
	}
	if len(positional) < cmd.NArgs {
		return usageErrorf(helpHint(cmd), "mps %s needs %s", cmd.Name, cmd.Args)
	}
	return usageErrorf(helpHint(cmd), "mps %s takes only %s, but got %q", cmd.Name, cmd.Args, text80(strings.Join(positional, " ")))
}

func helpHint(cmd Command) string {
	return fmt.Sprintf("Run `mps %s --help` for its usage.", cmd.Name)
}

// text80 makes user input safe to quote back: one line, at most 80 cells.
func text80(s string) string {
	return text.Truncate(oneLine(s), 80)
}

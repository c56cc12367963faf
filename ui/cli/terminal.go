package cli

import (
	"context"
	"os"
	"time"

	"golang.org/x/term"

	"mps/store"
)

// ProcessEnv is the Env of this process: its standard streams and
// environment, the OS keyring and the user's config directory.
func ProcessEnv() Env {
	configDir, err := store.DefaultConfigDir()
	if err != nil {
		configDir = "" // the commands that need it say how to fix it
	}
	return terminalEnv(Env{
		Stdin:     os.Stdin,
		Stdout:    os.Stdout,
		Stderr:    os.Stderr,
		Getenv:    os.Getenv,
		LookupEnv: os.LookupEnv,
		Keyring:   store.OpenKeyring(store.KeyringOptions{}),
		ConfigDir: configDir,
		Now:       time.Now,
	}, os.Stdin, os.Stdout, os.Stderr)
}

// terminalEnv fills an Env's terminal functions for the process's real
// stdin, stdout and stderr.
func terminalEnv(env Env, stdin, stdout, stderr *os.File) Env {
	in, out, errOut := int(stdin.Fd()), int(stdout.Fd()), int(stderr.Fd())
	env.StdinIsTerminal = func() bool { return term.IsTerminal(in) }
	env.StdoutIsTerminal = func() bool { return term.IsTerminal(out) }
	env.StderrIsTerminal = func() bool { return term.IsTerminal(errOut) }
	env.ReadPassword = func(ctx context.Context) ([]byte, error) { return readPassword(ctx, in) }
	return env
}

// readPassword reads a line without echo. When ctx ends first (Ctrl-C is
// caught to cancel ctx) the terminal's echo is put back before returning.
func readPassword(ctx context.Context, fd int) ([]byte, error) {
	state, err := term.GetState(fd)
	if err != nil {
		return nil, err
	}
	type result struct {
		line []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := term.ReadPassword(fd)
		done <- result{line, err}
	}()
	select {
	case r := <-done:
		return r.line, r.err
	case <-ctx.Done():
		_ = term.Restore(fd, state)
		return nil, ctx.Err()
	}
}

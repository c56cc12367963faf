package cli

import (
	"context"
	"io"
	"strings"
	"time"

	"mps/store"
	"mps/ui"
)

// Env is everything a run of mps takes from its surroundings. main builds
// the real one; tests build their own and call Main in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(key string) string
	// LookupEnv tells a variable set to "" from one not set; without it,
	// mps reads an empty value as not set.
	LookupEnv func(key string) (string, bool)

	StdinIsTerminal  func() bool
	StdoutIsTerminal func() bool
	// StderrIsTerminal says whether a read may draw its progress on stderr.
	StderrIsTerminal func() bool
	// ReadPassword reads one line from the terminal without echoing it,
	// giving up when ctx ends. ProcessEnv sets it for a real terminal.
	ReadPassword func(ctx context.Context) ([]byte, error)

	Keyring   store.Keyring
	ConfigDir string                               // where the profiles file lives; "" when it cannot be found
	Now       func() time.Time                     // for token expiry and API version end of life
	After     func(time.Duration) <-chan time.Time // like time.After; when a slow read shows its progress

	// Dashboard shows the dashboard built from cfg until the person quits;
	// nil is ui.Run. Tests put their own here to see what it is given.
	Dashboard func(ctx context.Context, cfg ui.Config) error
}

func (e Env) withDefaults() Env {
	if e.Stdin == nil {
		e.Stdin = strings.NewReader("")
	}
	if e.Stdout == nil {
		e.Stdout = io.Discard
	}
	if e.Stderr == nil {
		e.Stderr = io.Discard
	}
	if e.Getenv == nil {
		e.Getenv = func(string) string { return "" }
	}
	if e.LookupEnv == nil {
		getenv := e.Getenv
		e.LookupEnv = func(k string) (string, bool) { v := getenv(k); return v, v != "" }
	}
	if e.StdinIsTerminal == nil {
		e.StdinIsTerminal = func() bool { return false }
	}
	if e.StdoutIsTerminal == nil {
		e.StdoutIsTerminal = func() bool { return false }
	}
	if e.StderrIsTerminal == nil {
		e.StderrIsTerminal = func() bool { return false }
	}
	if e.Now == nil {
		e.Now = time.Now
	}
	if e.After == nil {
		e.After = time.After
	}
	if e.Dashboard == nil {
		e.Dashboard = func(ctx context.Context, cfg ui.Config) error { return ui.Run(ctx, cfg) }
	}
	return e
}

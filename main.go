// Command mps runs WhatsApp Multi-Partner Solutions through Meta's Graph
// API: a terminal dashboard by default, and scriptable commands.
//
// This file is wiring only: the real environment, keyring and config
// directory go to the command line, which builds the graph client and
// starts the dashboard or a command.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"mps/store"
	"mps/ui"
	"mps/ui/cli"
)

func main() {
	// A closed terminal (SIGHUP) ends mps as Ctrl-C does, so that what it
	// holds is closed and removed: the event log, the demo's temporary one.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := cli.Main(ctx, os.Args[1:], environment())
	stop()
	os.Exit(code)
}

func environment() cli.Env {
	configDir, err := store.DefaultConfigDir()
	if err != nil {
		configDir = "" // the commands that need it say how to fix it
	}
	env := cli.Env{
		Stdin:     os.Stdin,
		Stdout:    os.Stdout,
		Stderr:    os.Stderr,
		Getenv:    os.Getenv,
		LookupEnv: os.LookupEnv,
		Keyring:   store.OpenKeyring(store.KeyringOptions{}),
		ConfigDir: configDir,
		Now:       time.Now,
		TUI:       runDashboard,
		DemoTUI:   ui.RunDemo,
	}
	return cli.TerminalEnv(env, os.Stdin, os.Stdout, os.Stderr)
}

func runDashboard(ctx context.Context, c cli.TUIConfig) error {
	events := ui.EventsFor(c.Profile, os.Getenv)
	return ui.Run(ctx, ui.Config{
		Client:             c.Client,
		AppID:              c.AppID,
		BusinessID:         c.BusinessID,
		Profile:            c.Profile,
		APIVersion:         c.APIVersion,
		PartnerBusinessIDs: c.PartnerBusinessIDs,
		Now:                time.Now,
		LoginHint:          c.LoginHint,
		ExtraTabs:          events.Tabs,
		FirstSeen:          events.FirstSeen,
		SeenWABAs:          events.SeenWABAs,
		Refresh:            c.Refresh,
	})
}

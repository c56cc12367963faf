// Command mps runs WhatsApp Multi-Partner Solutions through Meta's Graph
// API: a terminal dashboard by default, and scriptable commands.
//
// This file is the process's edge only: its signals, and the command line
// (ui/cli), which builds everything else.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"mps/ui/cli"
)

func main() {
	// A closed terminal (SIGHUP) ends mps as Ctrl-C does, so that what it
	// holds is closed and removed: the event log, the demo's temporary one.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := cli.Main(ctx, os.Args[1:], cli.ProcessEnv())
	stop()
	os.Exit(code)
}

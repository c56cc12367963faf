package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"
)

// newDemoResetCommand is `mps --demo reset`: the demo forgets what its
// runs changed (the sandbox's changes and the demo's journal) and starts
// from its seed again. It touches nothing but the demo's own directory.
func newDemoResetCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "reset",
		Short: "With --demo: forget what the demo's runs changed, and start from its seed again",
		Long: "The demo remembers, between runs, what you changed in it (accepted solutions, subscriptions,\n" +
			"shares, its journal) in $XDG_STATE_HOME/mps/demo/sandbox/. mps --demo reset removes that\n" +
			"directory, so the next demo run starts from the seeded data. Only the demo has this: without\n" +
			"--demo it refuses, and no profile's files are touched.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !a.flags.demo {
				return usageErrorf("Run mps --demo reset.", "reset forgets what the demo changed; it needs --demo, and resets nothing else")
			}
			dir, err := demoStateDir(a.env.Getenv)
			if err != nil {
				return stateDirError(err)
			}
			_, err = os.Stat(dir)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				_, err = fmt.Fprintln(a.env.Stdout, "The demo has nothing to forget: it starts from its seed.")
				return err
			case err == nil:
				err = os.RemoveAll(dir)
			}
			if err != nil {
				return localError("Remove the directory "+dir+" yourself.", fmt.Errorf("cannot reset the demo: %w", err))
			}
			_, err = fmt.Fprintf(a.env.Stdout, "The demo forgot what its runs changed (removed %s): it starts from its seed again.\n", dir)
			return err
		},
	}
}

package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"mps/graph"
)

// readSidesFlag adds --read-sides to a command that lists solutions.
func readSidesFlag(cmd *cobra.Command, read *bool) {
	cmd.Flags().BoolVar(read, "read-sides", false,
		"when Graph's list leaves out the solutions' apps and permissions, read each solution for them (one request each, 4 at a time)")
}

// withSides fills in, with read, the apps and permissions a list that
// answered only its default fields left out; without read it says how
// many solutions lack them and how to get them.
func (s *Session) withSides(ctx context.Context, c *graph.Client, list []graph.Solution, read bool) error {
	if read {
		_, err := c.ReadSides(ctx, list)
		return err
	}
	lacking := 0
	for i := range list {
		if list[i].LacksSides() {
			lacking++
		}
	}
	if lacking > 0 {
		s.warning(fmt.Sprintf("Graph's list left out the apps and permissions of %d of the %d solutions; --read-sides reads them (one request each), `mps solution ID` one solution.",
			lacking, len(list)))
	}
	return nil
}

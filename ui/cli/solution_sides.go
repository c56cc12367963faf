package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"mps/graph"
)

// solutionsReader reads a command's list of solutions, and returns the
// client it read them with.
type solutionsReader func(ctx context.Context, s *Session, args []string) (*graph.Client, []graph.Solution, error)

// solutionListCommand completes cmd as a list of the solutions read reads:
// with --read-sides, the apps and permissions the list left out are read
// (withSides), then the list is printed in the format asked for.
func (a *app) solutionListCommand(cmd *cobra.Command, read solutionsReader) *cobra.Command {
	var readSides bool
	cmd = a.listCommand(cmd, func(ctx context.Context, s *Session, args []string, format outputFormat) error {
		c, list, err := read(ctx, s, args)
		if err != nil {
			return err
		}
		if err := s.withSides(ctx, c, list, readSides); err != nil {
			return err
		}
		return s.printSolutions(list, format)
	})
	cmd.Flags().BoolVar(&readSides, "read-sides", false,
		"when Graph's list leaves out the solutions' apps and permissions, read each solution for them (one request each, 4 at a time)")
	return cmd
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

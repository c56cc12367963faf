package cli

import (
	"io"

	"github.com/spf13/cobra"

	"mps/graph"
)

// versionText is what both `mps --version` and `mps version` print.
func versionText() string { return "mps " + graph.Version + "\n" }

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print mps's version (as --version does)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(cmd.OutOrStdout(), versionText())
			return err
		},
	}
}

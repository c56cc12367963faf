package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// completeFrom offers the choices that start with what is typed, and no
// file names. A choice may carry a description (cobra.CompletionWithDesc).
func completeFrom(choices ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, c := range choices {
			if value, _, _ := strings.Cut(c, "\t"); strings.HasPrefix(value, typed) {
				out = append(out, c)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeArgs offers choices for a command's positional arguments until
// it has max of them; max < 0 means any number.
func completeArgs(max int, choices ...string) cobra.CompletionFunc {
	offer := completeFrom(choices...)
	return func(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max >= 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return offer(cmd, args, typed)
	}
}

// mustComplete registers the completion of a flag declared just before;
// it fails only for a flag that does not exist, a mistake in mps itself.
func mustComplete(cmd *cobra.Command, flag string, complete cobra.CompletionFunc) {
	if err := cmd.RegisterFlagCompletionFunc(flag, complete); err != nil {
		panic(err)
	}
}

// knownAPIVersions are the Graph API versions mps knows, newest first.
func knownAPIVersions() []string {
	var names []string
	for _, v := range apiVersions() {
		names = append(names, v.name)
	}
	return names
}

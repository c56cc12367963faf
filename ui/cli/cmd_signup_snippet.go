package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store"
)

// signupSnippetJSON is `mps signup-snippet --json`: the snippet's pieces.
type signupSnippetJSON struct {
	Version      int            `json:"es_version"`
	SolutionID   string         `json:"solution_id"`
	ConfigID     string         `json:"config_id"`
	LoginOptions map[string]any `json:"login_options"` // FB.login's second argument
	Script       string         `json:"script"`
	Button       string         `json:"button"`
	HTML         string         `json:"html"`
	Warnings     []string       `json:"warnings"`
}

func newSignupSnippetCommand(a *app) *cobra.Command {
	var version string
	cmd := a.jsonCommand(&cobra.Command{
		Use:   "signup-snippet SOLUTION_ID",
		Short: "Print the Embedded Signup HTML/JS that onboards customers through a solution",
		Long: "Prints the guide's Embedded Signup code (step 5) for the solution: FB.login with the login\n" +
			"configuration (--config-id, " + store.EnvConfigID + " or `mps profile set --config-id ID`) and the\n" +
			"solution ID in extras.setup.solutionID, and the button that launches it.\n\n" +
			"Embedded Signup v4, Meta's current version, is the default; --es-version 3 gives the older\n" +
			"shape (featureType, sessionInfoVersion '3'), which Meta ends in October 2026. Meta's pages\n" +
			"disagree about v4's extras; setup.solutionID is the documented place.\n\n" +
			"Only Active and Pending deactivation solutions onboard customers: for any other, mps\n" +
			"refuses and says why. When our app has more than one solution that onboards, mps warns:\n" +
			"each page must carry the right solution's ID, or customers are onboarded under the wrong one.\n\n" +
			"With --json: the pieces (es_version, solution_id, config_id, login_options, script,\n" +
			"button, html) and the warnings.",
	}, func(ctx context.Context, s *Session, args []string, asJSON bool) error {
		return s.runSignupSnippet(ctx, args[0], version, asJSON)
	})
	cmd.Flags().StringVar(&version, "es-version", "4", "the Embedded Signup `VERSION`: 4 (current) or 3 (older)")
	mustComplete(cmd, "es-version", completeFrom("4", "3"))
	return cmd
}

func (s *Session) runSignupSnippet(ctx context.Context, id, versionText string, asJSON bool) error {
	version, ok := graph.ParseSignupVersion(versionText)
	if !ok {
		return usageErrorf("Pass --es-version 4 (the default) or --es-version 3.", "--es-version %q is not 4 or 3", text80(versionText))
	}
	if s.settings.ConfigID == "" {
		return usageErrorf("Pass --config-id ID, set "+store.EnvConfigID+", or save it with `mps profile set --config-id ID`.",
			"no Embedded Signup login configuration: the snippet needs its config ID")
	}
	appID, sol, err := s.readOurSolution(ctx, id)
	if err != nil {
		return err
	}
	snippet, err := graph.BuildSignupSnippet(sol, s.settings.ConfigID, version)
	if err != nil {
		return refusedf("%v", err)
	}
	var warnings []string
	if version == graph.SignupV3 {
		warnings = append(warnings, graph.SignupV3Notice(s.env.Now()))
	}
	if w := s.signupWarning(ctx, appID, sol.ID); w != "" {
		warnings = append(warnings, w)
	}
	for _, w := range warnings {
		s.warning(sentence(w))
	}
	if asJSON {
		return writeJSON(s.stdout, signupSnippetJSON{
			Version: int(snippet.Version), SolutionID: snippet.SolutionID, ConfigID: snippet.ConfigID,
			LoginOptions: snippet.LoginOptions(), Script: snippet.Script, Button: snippet.Button, HTML: snippet.HTML(),
			Warnings: nonNil(warnings),
		})
	}
	_, err = fmt.Fprint(s.stdout, snippet.HTML())
	return err
}

// signupWarning is the guide's caution when our app has several solutions
// that onboard, or why it could not be checked.
func (s *Session) signupWarning(ctx context.Context, appID, solutionID string) string {
	c, err := s.Client()
	if err != nil {
		return ""
	}
	list, err := c.AppSolutions(ctx, appID, graph.SolutionQuery{})
	if err != nil {
		return "could not list our app's solutions to check that only one onboards customers (" + oneLine(err.Error()) + "): make sure this page carries the right solution's ID"
	}
	return graph.SignupWarning(list, solutionID)
}

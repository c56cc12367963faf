package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
)

func newSolutionsCommand(a *app) *cobra.Command {
	var state, role string
	cmd := a.solutionListCommand(&cobra.Command{
		Use:   "solutions",
		Short: "List our app's solutions, every page",
		Long: "Lists the solutions of the profile's app with their display state and our role.\n" +
			"With --json: one JSON array with Graph's fields, plus display_state, our_role and allowed_actions.\n" +
			csvDetail,
	}, func(ctx context.Context, s *Session, _ []string) (*graph.Client, []graph.Solution, error) {
		q := graph.SolutionQuery{Detailed: true}
		if role != "" {
			r, ok := graph.ParseRole(role)
			if !ok {
				return nil, nil, usageErrorf("Use --role owner or --role partner.", "unknown role %q", text80(role))
			}
			q.Role = r
		}
		keep := func(graph.Solution) bool { return true }
		if state != "" {
			want, ok := graph.ParseState(state)
			if !ok {
				return nil, nil, usageErrorf("Use one of: "+stateChoicesText()+".", "unknown state %q", text80(state))
			}
			keep = func(sol graph.Solution) bool { return sol.State() == want }
		}
		appID, c, err := s.appClient()
		if err != nil {
			return nil, nil, err
		}
		all, err := readPages(s, "solutions", c.AppSolutionPages(ctx, appID, q))
		if err != nil {
			return nil, nil, err
		}
		graph.SortSolutions(all) // the role chains' pages interleave as they arrive
		var list []graph.Solution
		for _, sol := range all {
			if keep(sol) {
				list = append(list, sol)
			}
		}
		return c, list, nil
	})
	fs := cmd.Flags()
	fs.StringVar(&state, "state", "", "only solutions in this `STATE`: "+stateChoicesText()+" (Graph's statuses, such as REJECTED for inactive)")
	mustComplete(cmd, "state", completeFrom(stateChoices()...))
	fs.StringVar(&role, "role", "", "only solutions where our side is `ROLE`: owner or partner")
	mustComplete(cmd, "role", completeFrom("owner", "partner"))
	return cmd
}

// printSolutions prints a list of solutions in the format asked for.
func (s *Session) printSolutions(list []graph.Solution, format outputFormat) error {
	appID := s.settings.AppID
	return s.printList(format, listOutput{
		count: len(list),
		none:  "No solutions.",
		json:  func() (any, error) { return solutionsJSON(list, appID) },
		table: func() *plainTable {
			t := newPlainTable("ID", "NAME", "STATE", "OUR ROLE", "OTHER APP", "MESSAGING")
			t.paint[2] = s.colour.state
			for i := range list {
				sol := &list[i]
				// "—" until Graph has said it: a list that answered only its
				// default fields names neither app, the role lists say our side.
				role := graph.RoleOf(sol, appID)
				roleText, other := "—", "—"
				if role != graph.RoleUnknown {
					roleText = role.String()
				}
				if app := graph.Counterpart(sol, role); app != nil {
					other = appLabel(app)
				}
				t.add(sol.ID, sol.Name, sol.StateLabel(), roleText, other, orDash(graph.MessagingSide(sol)))
			}
			return t
		},
	})
}

// stateChoices are the values --state takes: the display states, then
// Graph's raw statuses, each read as the display state it shows as.
func stateChoices() []string {
	var names []string
	for _, st := range graph.KnownStates() {
		names = append(names, strings.ToLower(strings.ReplaceAll(st.String(), " ", "-")))
	}
	return append(names, graph.RawStatuses()...)
}

func stateChoicesText() string {
	return strings.Join(stateChoices(), ", ")
}

// appLabel is "Name (ID)", or the ID alone.
func appLabel(app *graph.App) string {
	if app.Name == "" {
		return app.ID
	}
	return app.Name + " (" + app.ID + ")"
}

// orDash is s, or "—" when Graph has not said it yet.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/ui/act"
)

func newActionCommand(a *app, action graph.Action) *cobra.Command {
	var reason string
	cmd := a.changeCommand(&cobra.Command{
		Use:   action.Command() + " SOLUTION_ID",
		Short: action.Title(),
		Long: action.Consequence() + "\n\n" +
			"mps reads the solution first, shows what the action will do and asks y/N on a terminal.\n" +
			"Without a terminal it sends nothing unless --yes is given. An action the solution's state\n" +
			"or our role does not allow is refused before anything is sent. The POST is sent once and\n" +
			"never resent; afterwards the solution is read again and its new state printed. Only when\n" +
			"Graph refuses the POST's parameters and the solution still allows the action does mps send\n" +
			"the other documented body form (the guide's or Meta's OpenAPI one), once.",
	}, func(ctx context.Context, s *Session, args []string, yes bool) error {
		return s.runAction(ctx, action, args[0], yes, reason)
	})
	if p := action.ReasonParam(); p != "" {
		cmd.Flags().StringVar(&reason, "reason", "", fmt.Sprintf("`TEXT` saying why: sent to Graph as %s and kept in the journal; one line, at most %d characters", p, graph.MaxReasonLength))
	}
	return cmd
}

func (s *Session) runAction(ctx context.Context, a graph.Action, id string, yes bool, reason string) error {
	if err := a.CheckReason(reason); err != nil {
		return usageErrorf("Give --reason as one line of at most "+fmt.Sprint(graph.MaxReasonLength)+" characters.", "%v", err)
	}
	appID, sol, err := s.readOurSolution(ctx, id)
	if err != nil {
		return err
	}
	role := graph.RoleOf(sol, appID)
	if v := graph.Check(a, sol.State(), role); !v.Allowed {
		return refusedf("cannot %s %s: %s. Nothing was sent", a.Command(), solutionLabel(sol), v.Reason)
	}
	if err := s.writeActionPreview(a, sol, role, reason); err != nil {
		return err
	}
	if err := s.confirmSend(ctx, yes, a.Command()+" "+solutionLabel(sol), a.Title()+" for "+solutionLabel(sol)+"?"); err != nil {
		return err
	}
	actor, err := s.actor(ctx)
	if err != nil {
		return err
	}
	done, err := actor.Run(ctx, act.Request{Solution: *sol, Action: a, Role: role, Reason: reason})
	if err != nil {
		return err
	}
	if done.JournalErr != nil {
		s.warning(sentence(oneLine("the journal could not record the outcome; the next start of mps reads the solution and records it: " + done.JournalErr.Error())))
	}
	out := done.ActionOutcome
	switch {
	case out.Unknown:
		return reportUnknownOutcome(a, sol, out)
	case out.StateChanged():
		return refusedf("cannot %s %s: the solution changed elsewhere and is now %s (%s). Nothing was done; Graph said: %v",
			a.Command(), solutionLabel(sol), oneLine(out.After.StateLabel()), out.Now.Reason, out.Err)
	case out.Err != nil:
		return out.Err
	case out.ReadErr != nil:
		return fmt.Errorf("%s was done, but reading %s again failed: %w", a.Title(), solutionLabel(sol), out.ReadErr)
	}
	_, err = fmt.Fprintf(s.stdout, "Done: %s. %s is now %s.\n", a.Title(), solutionLabel(out.After), s.colour.bold(oneLine(out.After.StateLabel())))
	return err
}

// reportUnknownOutcome reports what the read after a POST whose answer was
// lost found. The action was not sent again.
func reportUnknownOutcome(a graph.Action, sol *graph.Solution, out graph.ActionOutcome) error {
	check := fmt.Sprintf("Check with `mps solution %s` before doing anything else; mps did not resend it.", sol.ID)
	if out.After == nil {
		return &exitError{code: ExitError, err: out.ReadErr, hint: check,
			msg: fmt.Sprintf("outcome unknown: %s was sent but its answer was lost, and reading %s again failed (%v)", a.Command(), solutionLabel(sol), out.ReadErr)}
	}
	return &exitError{code: ExitError, hint: check,
		msg: fmt.Sprintf("outcome unknown: %s was sent but its answer was lost; the solution is now %s (it was %s)",
			a.Command(), out.After.StateLabel(), sol.StateLabel())}
}

// writeActionPreview says what the action will do before it is confirmed.
func (s *Session) writeActionPreview(a graph.Action, sol *graph.Solution, role graph.Role, reason string) error {
	f := newFields()
	f.add("Action", a.Title())
	f.add("Solution", solutionLabel(sol))
	f.add("State", sol.StateLabel()+", our role "+role.String())
	if app := graph.Counterpart(sol, role); app != nil {
		f.add("Other app", appLabel(app))
	}
	f.add("What happens", a.Consequence())
	if reason != "" {
		f.add("Reason", reason)
	}
	if a == graph.ActionAccept {
		for _, grant := range grants(sol) {
			f.add("Grants", grant)
		}
	}
	if a.Irreversible() {
		f.add("Note", "This cannot be undone.")
	}
	return f.write(s.stdout)
}

// grants says which permissions each app will receive from customers who
// onboard through the solution once it is accepted.
func grants(sol *graph.Solution) []string {
	var out []string
	side := func(who string, app *graph.App, perms []string) {
		name := who
		if app != nil {
			name = who + " " + appLabel(app)
		}
		list := "no permissions listed"
		if len(perms) > 0 {
			list = strings.Join(perms, ", ")
		}
		out = append(out, name+": "+list)
	}
	side("owner app", sol.OwnerApp, sol.OwnerPermissions)
	for _, row := range sol.Partners {
		side("partner app", row.PartnerApp, row.PartnerPermissions)
	}
	return out
}

func solutionLabel(sol *graph.Solution) string {
	if sol.Name == "" {
		return "solution " + sol.ID
	}
	return fmt.Sprintf("%q (%s)", oneLine(sol.Name), sol.ID)
}

package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
)

func newSolutionCommand(a *app) *cobra.Command {
	return a.jsonCommand(&cobra.Command{
		Use:   "solution SOLUTION_ID",
		Short: "Show one solution: both apps, permissions side by side, and the actions allowed now",
		Long: "With --json: one object with Graph's fields and the partner rows as an array under\n" +
			"\"partners\", plus display_state, our_role and allowed_actions.",
	}, func(ctx context.Context, s *Session, args []string, asJSON bool) error {
		sol, err := s.readSolution(ctx, args[0])
		if err != nil {
			return err
		}
		if asJSON {
			obj, err := solutionDetailJSON(sol, s.settings.AppID)
			if err != nil {
				return err
			}
			return writeJSON(s.stdout, obj)
		}
		return s.writeSolutionDetail(sol)
	})
}

// readSolution checks the ID and reads the solution with both sides expanded.
func (s *Session) readSolution(ctx context.Context, id string) (*graph.Solution, error) {
	c, err := s.clientFor("solution", id)
	if err != nil {
		return nil, err
	}
	return c.Solution(ctx, id)
}

// readOurSolution is readSolution for a command that also needs our app's
// ID: it is asked for first, before any request.
func (s *Session) readOurSolution(ctx context.Context, id string) (string, *graph.Solution, error) {
	appID, err := s.requireAppID()
	if err != nil {
		return "", nil, err
	}
	sol, err := s.readSolution(ctx, id)
	return appID, sol, err
}

// solutionDetailJSON always has "partners", as an array, even when empty.
func solutionDetailJSON(sol *graph.Solution, appID string) (json.RawMessage, error) {
	derived := deriveSolution(sol, appID)
	if len(sol.Partners) > 0 {
		return withFields(sol, derived)
	}
	return withFields(sol, struct {
		derivedSolution
		Partners []graph.PartnerRow `json:"partners"`
	}{derived, []graph.PartnerRow{}})
}

func (s *Session) writeSolutionDetail(sol *graph.Solution) error {
	role := graph.RoleOf(sol, s.settings.AppID)
	f := newFields()
	f.add("Solution", sol.Name)
	f.add("ID", sol.ID)
	f.add("State", fmt.Sprintf("%s (status %s, pending request %s)", sol.StateLabel(), orNone(sol.Status), orNone(sol.PendingRequest)))
	f.add("Our role", roleText(role))
	if sol.OwnerApp != nil {
		f.add("Owner app", strings.TrimSpace(appLabel(sol.OwnerApp)+"  "+sol.OwnerApp.Link))
	}
	for _, row := range sol.Partners {
		if row.PartnerApp != nil {
			f.add("Partner app", strings.TrimSpace(appLabel(row.PartnerApp)+"  "+row.PartnerApp.Link))
		}
		f.add("Partner row", fmt.Sprintf("%s, status %s", row.ID, orNone(row.Status)))
	}
	if side := graph.MessagingSide(sol); side != "" {
		f.add("Messaging", "held by the "+side)
	}
	if err := f.write(s.stdout); err != nil {
		return err
	}
	fmt.Fprintln(s.stdout)
	if err := s.permissionTable(sol).write(s.stdout); err != nil {
		return err
	}
	fmt.Fprintln(s.stdout)
	return s.actionTable(sol.State(), role).write(s.stdout)
}

// permissionTable puts each side's permissions side by side, with what
// each one lets its holder do; a "-" marks what one side lacks.
func (s *Session) permissionTable(sol *graph.Solution) *plainTable {
	t := newPlainTable("PERMISSION", "OWNER", "PARTNER", "MEANING")
	for _, r := range sol.Grants().Table() {
		meaning, ok := graph.PermissionMeaning(r.Name)
		if !ok {
			meaning = "(not known to mps)"
		}
		t.add(r.Name, yesOrDash(r.Owner), yesOrDash(r.Partner), meaning)
	}
	if len(t.rows) == 0 {
		t.add("(none listed)")
	}
	return t
}

func yesOrDash(b bool) string {
	if b {
		return "yes"
	}
	return "-"
}

func (s *Session) actionTable(st graph.State, role graph.Role) *plainTable {
	t := newPlainTable("ACTION", "ALLOWED", "WHY NOT")
	for _, v := range graph.Allowed(st, role) {
		allowed := "yes"
		if !v.Allowed {
			allowed = "no"
		}
		t.add(v.Action.Command(), allowed, v.Reason)
	}
	return t
}

// roleText is our side as a sentence part, saying why when it is not one.
func roleText(r graph.Role) string {
	switch r {
	case graph.RoleUnknown:
		return "not known: Graph's answer names neither side"
	case graph.RoleNone:
		return "none: Graph names both sides and neither is our app (check the app ID)"
	}
	return r.String()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

package sandbox

import (
	"slices"
	"strconv"

	"mps/graph"
)

// world is the sandbox's data. Every field is guarded by Sandbox.mu.
type world struct {
	us        string // our app ID
	business  string // our business portfolio ID
	apps      map[string]*app
	appOrder  []string // app IDs, ours first
	solutions []*solution
	byID      map[string]int // solution ID -> index in solutions
	nextSol   int            // counter for new solution IDs

	wabas wabaSet
	setup *setupState // webhook subscriptions and credit lines
	// answers are the partners' answers to come, by solution ID, so that
	// they can be kept with the rest of the data (see Changes).
	answers map[string]scheduledAnswer
}

// app is an app with the business portfolio behind it.
type app struct {
	graph.App
	business     string
	businessName string
}

// solution is a partner solution as the server keeps it.
type solution struct {
	id         string
	name       string
	status     string
	pending    string
	owner      string // owner app ID
	ownerPerms []string
	partners   []partnerRow
	reason     string // given with the last action that takes one (LastReason)
}

// partnerRow is one invited app and what it is granted.
type partnerRow struct {
	id     string
	app    string // app ID
	perms  []string
	status string
}

const (
	solutionIDBase = 17602267745700
	solutionIDStep = 1000 // room for partner rows between solutions
	partnerRowStep = 4
)

// newSolutionID returns the next solution ID and the ID for its first
// partner row (the guide's examples put the row 4 above the solution).
func (w *world) newSolutionID() (string, string) {
	n := solutionIDBase + int64(w.nextSol)*solutionIDStep
	w.nextSol++
	return strconv.FormatInt(n, 10), strconv.FormatInt(n+partnerRowStep, 10)
}

func (w *world) addSolution(sol *solution) {
	w.byID[sol.id] = len(w.solutions)
	w.solutions = append(w.solutions, sol)
}

// solution finds a solution by its ID, whether our app can see it or not.
func (w *world) solution(id string) (*solution, bool) {
	i, ok := w.byID[id]
	if !ok {
		return nil, false
	}
	return w.solutions[i], true
}

// visibleSolution finds a solution our app can see: we own it, or we are invited
// and it is no longer a draft (drafts are not sent to the partner yet).
func (w *world) visibleSolution(id string) (*solution, bool) {
	sol, ok := w.solution(id)
	return sol, ok && w.roleIn(sol) != graph.RoleUnknown
}

func (w *world) roleIn(sol *solution) graph.Role {
	if sol.owner == w.us {
		return graph.RoleOwner
	}
	if sol.status == graph.StatusDraft {
		return graph.RoleUnknown
	}
	for _, p := range sol.partners {
		if p.app == w.us {
			return graph.RolePartner
		}
	}
	return graph.RoleUnknown
}

// counterpartBusiness is the business on the other side of a solution from us.
func (w *world) counterpartBusiness(sol *solution) string {
	if sol.owner != w.us {
		return w.businessOf(sol.owner)
	}
	for _, p := range sol.partners {
		if p.app != w.us {
			return w.businessOf(p.app)
		}
	}
	return ""
}

func (w *world) businessOf(appID string) string {
	if a, ok := w.apps[appID]; ok {
		return a.business
	}
	return ""
}

// businessIDs lists both sides' business portfolios, owner first.
func (w *world) businessIDs(sol *solution) []string {
	out := []string{w.businessOf(sol.owner)}
	for _, p := range sol.partners {
		if b := w.businessOf(p.app); b != "" && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// export copies a solution into the client's type, with owner app and rows.
func (w *world) export(sol *solution) graph.Solution {
	out := graph.Solution{
		ID:               sol.id,
		Name:             sol.name,
		Status:           sol.status,
		PendingRequest:   sol.pending,
		OwnerPermissions: slices.Clone(sol.ownerPerms),
	}
	if a, ok := w.apps[sol.owner]; ok {
		owner := a.App
		out.OwnerApp = &owner
	} else {
		out.OwnerApp = &graph.App{ID: sol.owner}
	}
	for _, p := range sol.partners {
		row := graph.PartnerRow{ID: p.id, PartnerPermissions: slices.Clone(p.perms), Status: p.status}
		if a, ok := w.apps[p.app]; ok {
			pa := a.App
			row.PartnerApp = &pa
		} else {
			row.PartnerApp = &graph.App{ID: p.app}
		}
		out.Partners = append(out.Partners, row)
	}
	return out
}

// canOnboard reports whether customers can sign up through the solution:
// Active, including while a deactivation request waits.
func canOnboard(sol *solution) bool {
	return sol.status == graph.StatusActive || sol.status == graph.StatusPendingDeactivation
}

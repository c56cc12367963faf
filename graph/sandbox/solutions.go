package sandbox

import (
	"slices"
	"strconv"

	"mps/graph"
	"mps/graph/webhook"
)

// SolutionSpec describes a solution for AddSolution. The other side is an
// app the sandbox knows (ours or a demo partner app), or any other ID.
type SolutionSpec struct {
	Name          string
	OwnerAppID    string // default: ours
	PartnerAppID  string // default: ours, or the first demo partner app when we own it
	Status        string // default INITIATED
	Pending       string // default PENDING_ACTIVATION for INITIATED/PENDING, else NONE
	PartnerStatus string // default follows Status
	// ExtraPartnerAppIDs add more partner rows (same permissions and
	// status); real solutions have one, but the API models a list.
	ExtraPartnerAppIDs []string
	OwnerPermissions   []string
	PartnerPermissions []string
}

// AddSolution adds a solution and emits SOLUTION_CREATED; it returns the
// new ID. Any status string is accepted, so tests can add unknown ones.
func (s *Sandbox) AddSolution(spec SolutionSpec) string {
	s.mu.Lock()
	w := s.state
	if spec.OwnerAppID == "" {
		spec.OwnerAppID = w.us
	}
	if spec.PartnerAppID == "" {
		spec.PartnerAppID = w.us
		if spec.OwnerAppID == w.us {
			spec.PartnerAppID = w.appOrder[1]
		}
	}
	if spec.Status == "" {
		spec.Status = graph.StatusInitiated
	}
	if spec.Pending == "" {
		spec.Pending = defaultPending(spec.Status)
	}
	if spec.PartnerStatus == "" {
		spec.PartnerStatus = partnerStatusFor(spec.Status, spec.Pending)
	}
	id, rowID := w.newSolutionID()
	sol := &solution{id: id, name: spec.Name, status: spec.Status, pending: spec.Pending, owner: spec.OwnerAppID,
		ownerPerms: slices.Clone(spec.OwnerPermissions),
		partners: []partnerRow{{id: rowID, app: spec.PartnerAppID, perms: slices.Clone(spec.PartnerPermissions),
			status: spec.PartnerStatus}}}
	for k, extra := range spec.ExtraPartnerAppIDs {
		sol.partners = append(sol.partners, partnerRow{id: offsetID(rowID, k+1), app: extra,
			perms: slices.Clone(spec.PartnerPermissions), status: spec.PartnerStatus})
	}
	w.addSolution(sol)
	payload := s.solutionEvent(webhook.EventSolutionCreated, sol)
	s.mu.Unlock()
	s.deliver([][]byte{payload})
	return id
}

// AddPartnerRow adds a partner row for appID, granted perms, to a
// solution, with the status of its first row, and returns the row's ID
// ("" when there is no such solution). The API models the partners as a
// list, so rows may grant different permissions; no webhook is sent.
func (s *Sandbox) AddPartnerRow(solutionID, appID string, perms ...string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	sol, ok := s.state.solution(solutionID)
	if !ok {
		return ""
	}
	row := partnerRow{id: offsetID(sol.id, partnerRowStep), app: appID, perms: slices.Clone(perms)}
	if n := len(sol.partners); n > 0 {
		row.id, row.status = offsetID(sol.partners[n-1].id, 1), sol.partners[0].status
	}
	sol.partners = append(sol.partners, row)
	return row.id
}

func defaultPending(status string) string {
	if status == graph.StatusInitiated || status == graph.StatusPending {
		return graph.PendingActivation
	}
	if status == graph.StatusPendingDeactivation {
		return graph.PendingDeactivation
	}
	return graph.PendingNone
}

// partnerStatusFor is the partner row status that goes with a solution status.
func partnerStatusFor(status, pending string) string {
	switch status {
	case graph.StatusInitiated, graph.StatusPending:
		return graph.PartnerStatusNotificationSent
	case graph.StatusActive, graph.StatusPendingDeactivation:
		return graph.PartnerStatusAccepted
	}
	return status // DRAFT, REJECTED and DEACTIVATED are row statuses too
}

// CreateIncomingRequest adds a pending request in which a demo partner app
// invites us, and emits SOLUTION_CREATED with status INITIATED. The
// inviting app rotates through the demo partners. It returns the new ID.
func (s *Sandbox) CreateIncomingRequest(name string) string {
	s.mu.Lock()
	w := s.state
	owner := w.appOrder[1+w.nextSol%(len(w.appOrder)-1)]
	s.mu.Unlock()
	if name == "" {
		name = "New request from " + s.appName(owner)
	}
	return s.AddSolution(SolutionSpec{
		Name: name, OwnerAppID: owner, PartnerAppID: s.opts.AppID, Status: graph.StatusInitiated,
		OwnerPermissions: permsWith("MESSAGING"), PartnerPermissions: basePermissions(),
	})
}

func (s *Sandbox) appName(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.appOrStub(id).Name
}

// SetSolutionName renames a solution (no webhook: the name is not its status).
func (s *Sandbox) SetSolutionName(id, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sol, ok := s.state.solution(id); ok {
		sol.name = name
	}
}

// SetSolutionStatus sets a solution's status and pending request as given,
// unknown values included; our partner row follows for known statuses. It
// emits SOLUTION_UPDATED.
func (s *Sandbox) SetSolutionStatus(id, status, pending string) {
	s.mu.Lock()
	sol, ok := s.state.solution(id)
	if !ok {
		s.mu.Unlock()
		return
	}
	setState(sol, status, pending, s.state.us, partnerStatusFor(status, pending))
	payload := s.solutionEvent(webhook.EventSolutionUpdated, sol)
	s.mu.Unlock()
	s.deliver([][]byte{payload})
}

// Solution returns a copy of a solution with its owner app and partner
// rows, whether or not our app can see it.
func (s *Sandbox) Solution(id string) (graph.Solution, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sol, ok := s.state.solution(id)
	if !ok {
		return graph.Solution{}, false
	}
	return s.state.export(sol), true
}

// Solutions returns copies of every solution our app can see, in list order.
func (s *Sandbox) Solutions() []graph.Solution {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []graph.Solution
	for _, sol := range s.state.solutions {
		if s.state.roleIn(sol) != graph.RoleUnknown {
			out = append(out, s.state.export(sol))
		}
	}
	return out
}

// offsetID adds k to a numeric ID.
func offsetID(id string, k int) string {
	n, _ := strconv.ParseInt(id, 10, 64)
	return strconv.FormatInt(n+int64(k), 10)
}

// RoleOf is our side of a solution as the sandbox holds it (RoleUnknown
// for one it does not show us), for tests that check what mps learned.
func (s *Sandbox) RoleOf(id string) graph.Role {
	s.mu.Lock()
	defer s.mu.Unlock()
	sol, ok := s.state.visibleSolution(id)
	if !ok {
		return graph.RoleUnknown
	}
	return s.state.roleIn(sol)
}

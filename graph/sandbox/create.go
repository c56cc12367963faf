package sandbox

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"mps/graph"
	"mps/graph/webhook"
)

// createEdge is POST /{app-id}/whatsapp_business_solution.
const createEdge = "whatsapp_business_solution"

// The bounds of solution_name, as the reference gives them, counted in
// characters of the name without the spaces around it.
const (
	createNameMin = 2
	createNameMax = 75
)

// messagingPermission is the one permission a creator configures.
const messagingPermission = "MESSAGING"

// createParams are the create edge's required parameters, in the order
// Graph reports a missing one.
func createParams() []string {
	return []string{"solution_name", "partner_app_id", "owner_permissions", "partner_permissions"}
}

// create answers POST /{app-id}/whatsapp_business_solution: the app in the
// path becomes the owner of a new INITIATED solution inviting
// partner_app_id, and SOLUTION_CREATED is delivered before the answer.
func (c *call) create() (any, *apiError) {
	appID := c.segs[0]
	s := c.s
	s.mu.Lock()
	c.world = s.state
	sol, err := c.newSolution(appID)
	var payload []byte
	if err == nil {
		c.world.addSolution(sol)
		payload = s.solutionEvent(webhook.EventSolutionCreated, sol)
	}
	answer := s.answer
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	s.deliver([][]byte{payload})
	if answer.Reply != PartnerSilent {
		_ = s.AnswerAsPartner(sol.id, answer.Reply, answer.After) // we own it: cannot fail
	}
	return object{{"solution_id", sol.id}}, nil
}

// newSolution checks the create's parameters, as Graph does before it
// creates anything, and builds the solution. Caller holds s.mu.
func (c *call) newSolution(appID string) (*solution, *apiError) {
	w := c.world
	if _, known := w.apps[appID]; !known || !allDigits(appID) {
		return nil, errNoObject("post", appID)
	}
	if appID != w.us {
		return nil, errPermission("The app %s is not ours: a token can create solutions only for its own app", appID)
	}
	for _, p := range createParams() {
		if c.params.Get(p) == "" {
			return nil, errInvalid("The parameter %s is required", p)
		}
	}
	name := strings.TrimSpace(c.params.Get("solution_name"))
	if n := utf8.RuneCountInString(name); n < createNameMin || n > createNameMax {
		return nil, errInvalid("Param solution_name must be between %d and %d characters long", createNameMin, createNameMax)
	}
	partner := c.params.Get("partner_app_id")
	if !allDigits(partner) {
		return nil, errInvalid("Param partner_app_id must be a valid app ID")
	}
	if partner == appID {
		return nil, errInvalid("The partner app cannot be the app that owns the solution")
	}
	if _, known := w.apps[partner]; !known {
		return nil, errNoPartnerApp(partner)
	}
	ownerHas, err := c.messagingParam("owner_permissions")
	if err != nil {
		return nil, err
	}
	partnerHas, err := c.messagingParam("partner_permissions")
	if err != nil {
		return nil, err
	}
	if !c.s.MessagingRule().allows(ownerHas, partnerHas) {
		return nil, errInvalid("Invalid Permissions for either of the partners")
	}
	id, rowID := w.newSolutionID()
	return &solution{
		id: id, name: name, status: graph.StatusInitiated, pending: graph.PendingActivation, owner: appID,
		ownerPerms: grantedWith(ownerHas),
		partners: []partnerRow{{id: rowID, app: partner, perms: grantedWith(partnerHas),
			status: partnerStatusFor(graph.StatusInitiated, graph.PendingActivation)}},
	}, nil
}

// messagingParam reads one side's permissions: a JSON array whose only
// allowed value is MESSAGING. It says whether MESSAGING is in it.
func (c *call) messagingParam(name string) (bool, *apiError) {
	var perms []string
	if err := json.Unmarshal([]byte(c.params.Get(name)), &perms); err != nil {
		return false, errInvalid(`Param %s must be an array, such as ["%s"] or []`, name, messagingPermission)
	}
	for _, p := range perms {
		if p != messagingPermission {
			return false, errInvalid("Invalid Permissions for either of the partners")
		}
	}
	return slices.Contains(perms, messagingPermission), nil
}

// grantedWith is what Graph grants a side of a new solution: the base
// set of the guide's example, and MESSAGING when that side holds it.
func grantedWith(messaging bool) []string {
	if messaging {
		return permsWith(messagingPermission)
	}
	return basePermissions()
}

// errNoPartnerApp is Graph's answer for a partner_app_id that names no app
// the token can see.
func errNoPartnerApp(id string) *apiError {
	e := errNoObject("post", id)
	e.Message = "(#100) Param partner_app_id: Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation"
	return e
}

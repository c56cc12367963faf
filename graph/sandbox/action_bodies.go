package sandbox

import (
	"slices"
	"sort"

	"mps/graph"
)

// ActionBodies is which form of an action POST's parameters the sandbox
// takes. The guide POSTs with no body; Meta's OpenAPI description names
// parameters for accept, reject and send_deactivation_request. Graph may
// hold to either, so both are switches.
type ActionBodies int

const (
	// BodiesAny ignores the body, as the guide's Graph does (the default).
	BodiesAny ActionBodies = iota
	// BodiesOpenAPI requires the OpenAPI form: accept needs partner_app_id;
	// reject needs request_type and partner_app_id, with an optional
	// rejection_reason; send_deactivation_request takes an optional reason.
	// A missing parameter is Graph's error 100.
	BodiesOpenAPI
	// BodiesGuide takes the guide's empty body only: any parameter but
	// the optional reason (rejection_reason, reason) is refused with
	// error 100.
	BodiesGuide
)

func bodiesNames() enumNames { return enumNames{"any", "openapi", "guide"} }

func (b ActionBodies) String() string { return bodiesNames().text(int(b), "ActionBodies") }

// ParseActionBodies reads "any", "openapi" or "guide".
func ParseActionBodies(name string) (ActionBodies, bool) {
	i, ok := bodiesNames().parse(name)
	return ActionBodies(i), ok
}

// SetActionBodies switches the form the action POSTs must use.
func (s *Sandbox) SetActionBodies(b ActionBodies) { s.bodies.Store(int32(b)) }

// ActionBodies is the form the action POSTs must use now.
func (s *Sandbox) ActionBodies() ActionBodies { return ActionBodies(s.bodies.Load()) }

// notBodyParams travel with any call and are never an action's parameter.
func notBodyParams() []string { return []string{"access_token", "appsecret_proof"} }

// checkBody refuses an action whose parameters break the rule in force
// (and, under every rule, a reason that is too long), as
// Graph checks parameters before it looks at the object's state. us is our
// app, the only partner_app_id that may act.
func (c *call) checkBody(a graph.Action, us string) *apiError {
	var given []string
	for k := range c.params {
		if !slices.Contains(notBodyParams(), k) && k != reasonParam(a) {
			given = append(given, k)
		}
	}
	sort.Strings(given)
	switch c.s.ActionBodies() {
	case BodiesGuide:
		if len(given) > 0 {
			return errInvalid("Param %s is not a valid parameter of %s", given[0], a.Edge())
		}
	case BodiesOpenAPI:
		var required []string
		switch a {
		case graph.ActionAccept:
			required = []string{"partner_app_id"}
		case graph.ActionReject:
			required = []string{"request_type", "partner_app_id"}
		}
		for _, p := range required {
			if c.params.Get(p) == "" {
				return errInvalid("The parameter %s is required", p)
			}
		}
		if app := c.params.Get("partner_app_id"); app != "" && app != us {
			return errInvalid("Param partner_app_id must be the ID of the app making the call")
		}
		if rt := c.params.Get("request_type"); rt != "" && rt != graph.RequestTypePartnership && rt != graph.RequestTypeDeactivation {
			return errInvalid("Param request_type must be one of {%s, %s}", graph.RequestTypePartnership, graph.RequestTypeDeactivation)
		}
	}
	return c.checkReason(a)
}

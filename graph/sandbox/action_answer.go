package sandbox

import (
	"strconv"

	"mps/graph"
	"mps/graph/webhook"
)

// act answers a POST: a create, or one of the five solution actions. The body is
// checked against the ActionBodies rule in force (by default it is ignored);
// the change's webhook is delivered before the answer.
func (c *call) act() (any, *apiError) {
	if out, err, ok := c.actSetup(); ok {
		return out, err
	}
	if len(c.segs) != 2 {
		if len(c.segs) == 1 && allDigits(c.segs[0]) {
			return nil, errNoObject("post", c.segs[0])
		}
		return nil, errUnsupported("post")
	}
	id, edge := c.segs[0], c.segs[1]
	if edge == createEdge {
		return c.create()
	}
	s := c.s
	s.mu.Lock()
	c.world = s.state
	sol, visible := c.world.visibleSolution(id)
	a, isAction := graph.ParseAction(edge)
	var (
		out     any
		err     *apiError
		payload []byte
	)
	switch {
	case !visible || !allDigits(id):
		err = errNoObject("post", id)
	case !isAction || a.Edge() != edge:
		err = errUnsupported("post")
	default:
		if err = c.checkBody(a, c.world.us); err != nil {
			break
		}
		out, err = c.apply(sol, a)
		if err == nil {
			c.keepReason(sol, a)
			payload = s.solutionEvent(webhook.EventSolutionUpdated, sol)
		}
	}
	s.mu.Unlock()
	if payload != nil {
		s.deliver([][]byte{payload})
	}
	return out, err
}

// requiredRole is the side that may take the action.
func requiredRole(a graph.Action) graph.Role {
	if a == graph.ActionRequestDeactivation {
		return graph.RoleOwner
	}
	return graph.RolePartner
}

// apply runs the state machine: graph.Check decides, and the refusal is a
// permission error when our side may never take the action, and an invalid
// request when only the state is wrong. Caller holds s.mu.
func (c *call) apply(sol *solution, a graph.Action) (any, *apiError) {
	w := c.world
	role := w.roleIn(sol)
	st, _ := graph.DisplayState(sol.status, sol.pending)
	if v := graph.Check(a, st, role); !v.Allowed {
		if role != requiredRole(a) {
			return nil, errPermission("%s: only the solution's %s can do this, and app %s is its %s", a.Title(), requiredRole(a), w.us, role)
		}
		return nil, errBadTransition("%s is not possible while the solution's status is %s with status_for_pending_request %s",
			a.Title(), sol.status, sol.pending)
	}
	now := c.s.opts.Now()
	switch a {
	case graph.ActionAccept:
		setState(sol, graph.StatusActive, graph.PendingNone, w.us, graph.PartnerStatusAccepted)
		return object{{"solution_id", sol.id}, {"partner_status", graph.PartnerStatusAccepted}, {"success", true},
			{"message", "The solution request was accepted."}, {"update_time", now.UTC().Format("2006-01-02T15:04:05-0700")}}, nil
	case graph.ActionReject:
		setState(sol, graph.StatusRejected, graph.PendingNone, w.us, partnerStatusRejected)
		return object{{"success", true}}, nil
	case graph.ActionRequestDeactivation:
		setState(sol, graph.StatusActive, graph.PendingDeactivation, "", "")
		return object{{"success", true}, {"message", "The deactivation request was sent to the partner."},
			{"request_id", strconv.FormatInt(now.UnixNano()/1000, 10)}}, nil
	case graph.ActionAcceptDeactivation:
		setState(sol, graph.StatusDeactivated, graph.PendingNone, w.us, partnerStatusDeactivated)
	case graph.ActionRejectDeactivation:
		setState(sol, graph.StatusActive, graph.PendingNone, w.us, graph.PartnerStatusAccepted)
	}
	return render(c, c.s.schema.solution, sol, mustFields("id,name,status,status_for_pending_request,owner_permissions"))
}

const (
	partnerStatusRejected    = "REJECTED"
	partnerStatusDeactivated = "DEACTIVATED"
)

// setState changes a solution's status and, when rowApp is set, that app's
// partner row status.
func setState(sol *solution, status, pending, rowApp, rowStatus string) {
	sol.status, sol.pending = status, pending
	for i := range sol.partners {
		if sol.partners[i].app == rowApp {
			sol.partners[i].status = rowStatus
		}
	}
}

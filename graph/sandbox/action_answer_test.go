package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"mps/graph"
	"mps/graph/webhook"
)

// TestStateMachine is the table of state x role x action. It is written
// from the guide, not from graph.Check: a solution request is answered only
// by the invited partner while pending; only the owner asks for
// deactivation, only while Active; the partner answers that request.
func TestStateMachine(t *testing.T) {
	const (
		ini, act, pen = graph.StatusInitiated, graph.StatusActive, graph.StatusPending
		pa, pd, none  = graph.PendingActivation, graph.PendingDeactivation, graph.PendingNone
		owner, part   = true, false
		refusedRole   = 200 // permission error over 403
		refusedState  = 100 // invalid request over 400
	)
	type want struct {
		code             int // 0: success
		status, pending  string
		rowStatus        string
		webhookSolStatus string
	}
	ok := func(status, pending, row, hook string) want { return want{0, status, pending, row, hook} }
	cases := []struct {
		status, pending string
		weOwn           bool
		action          graph.Action
		want            want
	}{
		// Pending, we are the invited partner.
		{ini, pa, part, graph.ActionAccept, ok(act, none, "ACCEPTED", "ACTIVE")},
		{ini, pa, part, graph.ActionReject, ok("REJECTED", none, "REJECTED", "REJECTED")},
		{pen, pa, part, graph.ActionAccept, ok(act, none, "ACCEPTED", "ACTIVE")},
		{ini, pa, part, graph.ActionRequestDeactivation, want{code: refusedRole}},
		{ini, pa, part, graph.ActionAcceptDeactivation, want{code: refusedState}},
		{ini, pa, part, graph.ActionRejectDeactivation, want{code: refusedState}},
		// Pending, we sent it.
		{ini, pa, owner, graph.ActionAccept, want{code: refusedRole}},
		{ini, pa, owner, graph.ActionReject, want{code: refusedRole}},
		{ini, pa, owner, graph.ActionRequestDeactivation, want{code: refusedState}},
		{ini, pa, owner, graph.ActionAcceptDeactivation, want{code: refusedRole}},
		// Active.
		{act, none, owner, graph.ActionRequestDeactivation, ok(act, pd, "ACCEPTED", "PENDING_DEACTIVATION")},
		{act, none, owner, graph.ActionAccept, want{code: refusedRole}},
		{act, none, owner, graph.ActionRejectDeactivation, want{code: refusedRole}},
		{act, none, part, graph.ActionAccept, want{code: refusedState}},
		{act, none, part, graph.ActionReject, want{code: refusedState}},
		{act, none, part, graph.ActionRequestDeactivation, want{code: refusedRole}},
		{act, none, part, graph.ActionAcceptDeactivation, want{code: refusedState}},
		// Pending deactivation, both forms, answered by the partner.
		{act, pd, part, graph.ActionAcceptDeactivation, ok("DEACTIVATED", none, "DEACTIVATED", "DEACTIVATED")},
		{act, pd, part, graph.ActionRejectDeactivation, ok(act, none, "ACCEPTED", "ACTIVE")},
		{graph.StatusPendingDeactivation, pd, part, graph.ActionAcceptDeactivation, ok("DEACTIVATED", none, "DEACTIVATED", "DEACTIVATED")},
		{graph.StatusPendingDeactivation, pd, part, graph.ActionRejectDeactivation, ok(act, none, "ACCEPTED", "ACTIVE")},
		{act, pd, part, graph.ActionAccept, want{code: refusedState}},
		{act, pd, part, graph.ActionRequestDeactivation, want{code: refusedRole}},
		{act, pd, owner, graph.ActionRequestDeactivation, want{code: refusedState}},
		{act, pd, owner, graph.ActionAcceptDeactivation, want{code: refusedRole}},
		{act, pd, owner, graph.ActionRejectDeactivation, want{code: refusedRole}},
		// Draft, rejected, deactivated, and a status nobody knows yet.
		{graph.StatusDraft, none, owner, graph.ActionRequestDeactivation, want{code: refusedState}},
		{graph.StatusRejected, none, part, graph.ActionAccept, want{code: refusedState}},
		{graph.StatusRejected, none, owner, graph.ActionRequestDeactivation, want{code: refusedState}},
		{graph.StatusDeactivated, none, part, graph.ActionAcceptDeactivation, want{code: refusedState}},
		{graph.StatusDeactivated, none, owner, graph.ActionRequestDeactivation, want{code: refusedState}},
		{"ARCHIVED", none, part, graph.ActionAccept, want{code: refusedState}},
		{"ARCHIVED", none, owner, graph.ActionRequestDeactivation, want{code: refusedState}},
	}
	c := newTClient(t, Options{WABAs: -1})
	rec := recordHooks(c.s)
	other := demoPartnerApps()[0].ID
	for _, tc := range cases {
		spec := SolutionSpec{Name: "case", Status: tc.status, Pending: tc.pending, OwnerAppID: other, PartnerAppID: DemoAppID}
		if tc.weOwn {
			spec.OwnerAppID, spec.PartnerAppID = DemoAppID, other
		}
		id := c.s.AddSolution(spec)
		before, _ := c.s.Solution(id)
		rec.reset()
		r := c.post("/" + id + "/" + tc.action.Edge())
		after, _ := c.s.Solution(id)
		var hooks []solutionChange
		for _, h := range rec.parsed(t) {
			hooks = append(hooks, h.Entry[0].Changes[0].Value.solutionChange)
		}
		name := tc.status + "/" + tc.pending + " weOwn=" + map[bool]string{true: "yes", false: "no"}[tc.weOwn] + " " + tc.action.Edge()
		if tc.want.code != 0 {
			status := map[int]int{refusedRole: http.StatusForbidden, refusedState: http.StatusBadRequest}[tc.want.code]
			failed(t, r, status, tc.want.code)
			if after.Status != before.Status || after.PendingRequest != before.PendingRequest || after.Partners[0].Status != before.Partners[0].Status || len(hooks) != 0 {
				t.Errorf("%s: refused, yet state moved %+v -> %+v (webhooks %v)", name, before, after, hooks)
			}
			continue
		}
		if r.status != http.StatusOK {
			t.Errorf("%s: status %d %s", name, r.status, r.body)
			continue
		}
		if after.Status != tc.want.status || after.PendingRequest != tc.want.pending || after.Partners[0].Status != tc.want.rowStatus {
			t.Errorf("%s: now %s/%s row %s, want %s/%s row %s", name, after.Status, after.PendingRequest, after.Partners[0].Status,
				tc.want.status, tc.want.pending, tc.want.rowStatus)
		}
		if len(hooks) != 1 || hooks[0] != (solutionChange{webhook.EventSolutionUpdated, id, tc.want.webhookSolStatus}) {
			t.Errorf("%s: webhooks %+v, want one SOLUTION_UPDATED %s", name, hooks, tc.want.webhookSolStatus)
		}
	}
}

// The answers vary like the real API's: every documented shape appears.
func TestActionAnswerShapes(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	other := demoPartnerApps()[1].ID
	shape := func(status, pending string, weOwn bool, a graph.Action) []string {
		spec := SolutionSpec{Status: status, Pending: pending, OwnerAppID: other, PartnerAppID: DemoAppID}
		if weOwn {
			spec.OwnerAppID, spec.PartnerAppID = DemoAppID, other
		}
		r := c.post("/" + c.s.AddSolution(spec) + "/" + a.Edge())
		return keysOf(t, ok[json.RawMessage](t, r))
	}
	for _, tc := range []struct {
		got, want []string
	}{
		{shape("INITIATED", "PENDING_ACTIVATION", false, graph.ActionAccept), []string{"solution_id", "partner_status", "success", "message", "update_time"}},
		{shape("INITIATED", "PENDING_ACTIVATION", false, graph.ActionReject), []string{"success"}},
		{shape("ACTIVE", "NONE", true, graph.ActionRequestDeactivation), []string{"success", "message", "request_id"}},
		{shape("ACTIVE", "PENDING_DEACTIVATION", false, graph.ActionAcceptDeactivation), []string{"id", "name", "status", "status_for_pending_request", "owner_permissions"}},
		{shape("ACTIVE", "PENDING_DEACTIVATION", false, graph.ActionRejectDeactivation), []string{"id", "name", "status", "status_for_pending_request", "owner_permissions"}},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("answer keys %v, want %v", tc.got, tc.want)
		}
	}
}

func TestActionsOnUnknownTargets(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	sol := solutionNamed(t, c.s, "Social OVD with Northwind")
	if e := failed(t, c.post("/999/accept"), 400, 100); e.Subcode != 33 {
		t.Errorf("unknown solution: %+v", e)
	}
	failed(t, c.post("/"+sol.ID+"/activate"), 400, 100)
	failed(t, c.post("/"+sol.ID+"/deactivate"), 400, 100) // a command name, not an edge
	failed(t, c.post("/"+sol.ID), 400, 100)
	if got, _ := c.s.Solution(sol.ID); got.Status != graph.StatusInitiated {
		t.Fatalf("a refused POST changed the solution: %+v", got)
	}
}

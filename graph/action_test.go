package graph

import (
	"fmt"
	"strings"
	"testing"
)

// TestCheck walks every state x role x action. The allowed set comes from
// the guide: the invited partner answers a pending request, the owner asks
// an Active solution for deactivation, the partner answers that request.
func TestCheck(t *testing.T) {
	allowed := map[string]bool{
		"Pending/partner/accept":                           true,
		"Pending/partner/reject":                           true,
		"Active/owner/deactivate":                          true,
		"Pending deactivation/partner/accept-deactivation": true,
		"Pending deactivation/partner/reject-deactivation": true,
	}
	states := append(KnownStates(), StateOther)
	for _, st := range states {
		for _, role := range []Role{RoleOwner, RolePartner, RoleUnknown} {
			verdicts := Allowed(st, role)
			for i, a := range AllActions() {
				key := fmt.Sprintf("%v/%v/%v", st, role, a)
				v := Check(a, st, role)
				if v != verdicts[i] {
					t.Errorf("%s: Allowed and Check disagree: %+v vs %+v", key, verdicts[i], v)
				}
				if v.Allowed != allowed[key] || v.Action != a {
					t.Errorf("%s: Check = %+v, want allowed=%v", key, v, allowed[key])
				}
				if v.Allowed != (v.Reason == "") {
					t.Errorf("%s: a refusal needs a reason and only a refusal: %+v", key, v)
				}
			}
		}
	}
}

func TestCheckReasons(t *testing.T) {
	cases := []struct {
		a    Action
		st   State
		role Role
		want string
	}{
		{ActionRequestDeactivation, StateActive, RolePartner, "only the owner can request deactivation"},
		{ActionAccept, StatePending, RoleOwner, "only the invited partner can accept"},
		{ActionReject, StateActive, RolePartner, "only a pending request can be rejected; this solution is Active"},
		{ActionAccept, StatePendingDeactivation, RolePartner, "use accept deactivation"},
		{ActionRequestDeactivation, StatePendingDeactivation, RoleOwner, "already waiting"},
		{ActionRequestDeactivation, StateDraft, RoleOwner, "only an Active solution can be deactivated; this one is Draft"},
		{ActionAcceptDeactivation, StateActive, RolePartner, "no deactivation request to accept"},
		{ActionRejectDeactivation, StatePendingDeactivation, RoleOwner, "only the partner can reject it"},
		{ActionAccept, StatePending, RoleUnknown, "mps does not know our side of this solution yet: Graph's list did not say, and the solution has not been read"},
		{ActionRequestDeactivation, StateActive, RoleUnknown, "does not know our side"},
		{ActionRejectDeactivation, StatePendingDeactivation, RoleUnknown, "does not know our side"},
		{ActionAccept, StatePending, RoleNone, "our app is not a side of this solution: it names both sides and neither is our app (check the app ID)"},
		{ActionRequestDeactivation, StateActive, RoleNone, "not a side"},
		{ActionAcceptDeactivation, StatePendingDeactivation, RoleNone, "not a side"},
		{ActionAccept, StateOther, RolePartner, "in a state mps does not know"},
		{Action(99), StateActive, RoleOwner, "unknown action"},
	}
	for _, c := range cases {
		v := Check(c.a, c.st, c.role)
		if c.role == RoleUnknown && strings.Contains(v.Reason, "app ID") {
			t.Errorf("Check(%d, %v, unknown) blames the app ID for a side not read yet: %q", c.a, c.st, v.Reason)
		}
		if v.Allowed || !strings.Contains(v.Reason, c.want) {
			t.Errorf("Check(%d, %v, %v) = %+v, want a refusal containing %q", c.a, c.st, c.role, v, c.want)
		}
	}
}

func TestParseActionAndAnswerFor(t *testing.T) {
	names := map[string]Action{}
	for _, a := range AllActions() {
		names[a.Command()], names[a.Edge()] = a, a
	}
	WantParses(t, "ParseAction", ParseAction, names, "delete", "")
	cases := []struct {
		st     State
		accept bool
		want   Action
	}{
		{StatePending, true, ActionAccept}, {StatePending, false, ActionReject},
		{StatePendingDeactivation, true, ActionAcceptDeactivation}, {StatePendingDeactivation, false, ActionRejectDeactivation},
	}
	for _, c := range cases {
		if got := AnswerFor(c.st, c.accept); got != c.want {
			t.Errorf("AnswerFor(%v, %v) = %v, want %v", c.st, c.accept, got, c.want)
		}
	}
}

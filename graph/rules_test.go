package graph

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestDisplayState(t *testing.T) {
	cases := []struct {
		status, pending string
		want            State
		label           string
	}{
		{"INITIATED", "PENDING_ACTIVATION", StatePending, "Pending"},
		{"PENDING", "PENDING_ACTIVATION", StatePending, "Pending"},
		{"INITIATED", "", StatePending, "Pending"},
		{"ACTIVE", "NONE", StateActive, "Active"},
		{"ACTIVE", "", StateActive, "Active"},
		{"ACTIVE", "PENDING_DEACTIVATION", StatePendingDeactivation, "Pending deactivation"},
		{"PENDING_DEACTIVATION", "", StatePendingDeactivation, "Pending deactivation"},
		{"PENDING_DEACTIVATION", "PENDING_DEACTIVATION", StatePendingDeactivation, "Pending deactivation"},
		{"REJECTED", "NONE", StateInactive, "Inactive"},
		{"DRAFT", "", StateDraft, "Draft"},
		{"DEACTIVATED", "NONE", StateDeactivated, "Deactivated"},
		{"SUSPENDED_BY_META", "NONE", StateOther, "SUSPENDED_BY_META"},
		{"", "", StateOther, "unknown"},
		{"active", "", StateOther, "active"}, // Graph's values are upper case; others are kept raw
	}
	for _, c := range cases {
		got, label := DisplayState(c.status, c.pending)
		if got != c.want || label != c.label {
			t.Errorf("DisplayState(%q, %q) = %v %q, want %v %q", c.status, c.pending, got, label, c.want, c.label)
		}
	}
}

func TestParseStateAndRole(t *testing.T) {
	states := map[string]State{
		"pending": StatePending, "Pending deactivation": StatePendingDeactivation, "pending-deactivation": StatePendingDeactivation,
		"PENDING_DEACTIVATION": StatePendingDeactivation, "active": StateActive, "INACTIVE": StateInactive,
		"draft": StateDraft, "deactivated": StateDeactivated,
		"rejected": StateInactive, "REJECTED": StateInactive, "Initiated": StatePending, "PENDING": StatePending,
		"DRAFT": StateDraft, "ACTIVE": StateActive, "DEACTIVATED": StateDeactivated,
	}
	for text, want := range states {
		if got, ok := ParseState(text); !ok || got != want {
			t.Errorf("ParseState(%q) = %v, %v; want %v", text, got, ok, want)
		}
	}
	for _, bad := range []string{"", "other", "pend", "activ", "active ", "pending deactivation!", "reject", "initiate"} {
		if got, ok := ParseState(bad); ok {
			t.Errorf("ParseState(%q) = %v, want refusal", bad, got)
		}
	}
	for text, want := range map[string]Role{"owner": RoleOwner, "OWNER": RoleOwner, "Partner": RolePartner} {
		if got, ok := ParseRole(text); !ok || got != want {
			t.Errorf("ParseRole(%q) = %v, %v", text, got, ok)
		}
	}
	for _, bad := range []string{"", "unknown", "owners", "tech provider"} {
		if _, ok := ParseRole(bad); ok {
			t.Errorf("ParseRole(%q) accepted", bad)
		}
	}
}

func TestRoleOf(t *testing.T) {
	const us, them, other = "111", "222", "333"
	withPartner := func(owner string, partners ...string) *Solution {
		s := &Solution{ID: "1"}
		if owner != "" {
			s.OwnerApp = &App{ID: owner}
		}
		for _, p := range partners {
			s.Partners = append(s.Partners, PartnerRow{PartnerApp: &App{ID: p}})
		}
		return s
	}
	listedAs := func(s *Solution, r Role) *Solution { s.ListedRole = r; return s }
	cases := []struct {
		name string
		s    *Solution
		app  string
		want Role
	}{
		{"we own it", withPartner(us, them), us, RoleOwner},
		{"we are the invited partner", withPartner(them, us), us, RolePartner},
		{"we are one of several partners", withPartner(them, other, us), us, RolePartner},
		{"owner wins when on both sides", withPartner(us, us), us, RoleOwner},
		{"neither side is us", withPartner(them, other), us, RoleNone},
		{"owner is someone else, no partner rows asked", withPartner(them), us, RolePartner},
		{"only partner rows, not us", withPartner("", them), us, RoleUnknown},
		{"nothing expanded", withPartner(""), us, RoleUnknown},
		{"nothing expanded, listed as ours", listedAs(withPartner(""), RoleOwner), us, RoleOwner},
		{"nothing expanded, listed as partner", listedAs(withPartner(""), RolePartner), us, RolePartner},
		{"the expansion wins over the list", listedAs(withPartner(them, us), RoleOwner), us, RolePartner},
		{"listed, both sides named, neither us", listedAs(withPartner(them, other), RolePartner), us, RolePartner},
		{"no app ID configured", withPartner(us, them), "", RoleUnknown},
		{"nil solution", nil, us, RoleUnknown},
	}
	for _, c := range cases {
		if got := RoleOf(c.s, c.app); got != c.want {
			t.Errorf("%s: RoleOf = %v, want %v", c.name, got, c.want)
		}
	}
}

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
	for _, a := range AllActions() {
		for _, text := range []string{a.Command(), a.Edge()} {
			if got, ok := ParseAction(text); !ok || got != a {
				t.Errorf("ParseAction(%q) = %v, %v", text, got, ok)
			}
		}
	}
	if _, ok := ParseAction("delete"); ok {
		t.Error("ParseAction accepted an unknown action")
	}
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

func TestPermissionDiff(t *testing.T) {
	cases := []struct {
		a, b               []string
		onlyA, onlyB, both []string
	}{
		{nil, nil, nil, nil, nil},
		{[]string{"MANAGE", "MESSAGING"}, []string{"MANAGE"}, []string{"MESSAGING"}, nil, []string{"MANAGE"}},
		{[]string{"VIEW_COST"}, []string{"MANAGE", "VIEW_COST", "NEW_THING"}, nil, []string{"MANAGE", "NEW_THING"}, []string{"VIEW_COST"}},
		{[]string{"B", "A"}, []string{"C", "D"}, []string{"B", "A"}, []string{"C", "D"}, nil},
	}
	for _, c := range cases {
		onlyA, onlyB, both := PermissionDiff(c.a, c.b)
		if !slices.Equal(onlyA, c.onlyA) || !slices.Equal(onlyB, c.onlyB) || !slices.Equal(both, c.both) {
			t.Errorf("PermissionDiff(%v, %v) = %v %v %v, want %v %v %v", c.a, c.b, onlyA, onlyB, both, c.onlyA, c.onlyB, c.both)
		}
	}
	if _, ok := PermissionMeaning("SOMETHING_NEW"); ok {
		t.Error("an unknown permission got a meaning")
	}
	if m, ok := PermissionMeaning("MESSAGING"); !ok || m == "" {
		t.Error("MESSAGING has no meaning")
	}
}

// What a list that answered only its default fields lacks, a solution's own
// read supplies, and the reverse; what the fresh copy says wins.
func TestKeepKnown(t *testing.T) {
	read := Solution{ID: "5", Name: "old", Status: StatusInitiated, OwnerApp: &App{ID: "2"}, OwnerPermissions: []string{"MESSAGING"},
		Partners: PartnerRows{{ID: "6", PartnerApp: &App{ID: "1"}, PartnerPermissions: []string{"MANAGE"}}}}
	listed := Solution{ID: "5", Name: "new", Status: StatusActive, ListedRole: RolePartner}
	got := KeepKnown(listed, read)
	if got.Name != "new" || got.Status != StatusActive || got.OwnerApp == nil || got.OwnerApp.ID != "2" ||
		len(got.OwnerPermissions) != 1 || len(got.Partners) != 1 || got.ListedRole != RolePartner {
		t.Fatalf("list merged with a read = %+v", got)
	}
	back := KeepKnown(read, got)
	if back.ListedRole != RolePartner || back.Name != "old" {
		t.Fatalf("read merged with the list = %+v: the list's role was lost", back)
	}
	empty := Solution{ID: "5", OwnerApp: &App{ID: "3"}, OwnerPermissions: []string{}, Partners: PartnerRows{}}
	if got := KeepKnown(empty, read); got.OwnerApp.ID != "3" || got.OwnerPermissions == nil || len(got.OwnerPermissions) != 0 || len(got.Partners) != 0 {
		t.Fatalf("an empty list that Graph said is kept as said: %+v", got)
	}
	if got := KeepKnown(listed, Solution{ID: "9", OwnerApp: &App{ID: "2"}}); got.OwnerApp != nil {
		t.Fatalf("facts of another solution were taken: %+v", got)
	}
}

func TestSortSolutions(t *testing.T) {
	list := []Solution{{ID: "100"}, {ID: "99"}, {ID: "x"}, {ID: "1000"}, {ID: "101"}}
	SortSolutions(list)
	var got []string
	for _, s := range list {
		got = append(got, s.ID)
	}
	if strings.Join(got, ",") != "99,100,101,1000,x" {
		t.Fatalf("sorted = %v", got)
	}
}

package graph

import "testing"

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

func TestParseState(t *testing.T) {
	states := map[string]State{
		"pending": StatePending, "Pending deactivation": StatePendingDeactivation, "pending-deactivation": StatePendingDeactivation,
		"PENDING_DEACTIVATION": StatePendingDeactivation, "active": StateActive, "INACTIVE": StateInactive,
		"draft": StateDraft, "deactivated": StateDeactivated,
		"rejected": StateInactive, "REJECTED": StateInactive, "Initiated": StatePending, "PENDING": StatePending,
		"DRAFT": StateDraft, "ACTIVE": StateActive, "DEACTIVATED": StateDeactivated,
	}
	WantParses(t, "ParseState", ParseState, states,
		"", "other", "pend", "activ", "active ", "pending deactivation!", "reject", "initiate")
}

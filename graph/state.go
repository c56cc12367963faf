package graph

import "fmt"

// State is the display state a person sees, derived from the raw status and
// status_for_pending_request. StateOther means the server sent a value that
// mps does not know; DisplayState then returns the raw text as its label.
type State int

const (
	StateOther State = iota
	StatePending
	StatePendingDeactivation
	StateActive
	StateInactive
	StateDraft
	StateDeactivated
)

// KnownStates lists the known display states in the order a person reads them.
func KnownStates() []State {
	return []State{StatePending, StatePendingDeactivation, StateActive, StateInactive, StateDraft, StateDeactivated}
}

// String is the label the dashboard uses for the state.
func (s State) String() string {
	switch s {
	case StatePending:
		return "Pending"
	case StatePendingDeactivation:
		return "Pending deactivation"
	case StateActive:
		return "Active"
	case StateInactive:
		return "Inactive"
	case StateDraft:
		return "Draft"
	case StateDeactivated:
		return "Deactivated"
	}
	return "Other"
}

// RawStatuses are the values of a solution's status in Graph's documents.
func RawStatuses() []string {
	return []string{StatusDraft, StatusInitiated, StatusActive, StatusRejected,
		StatusDeactivated, StatusPendingDeactivation, StatusPending}
}

// ParseState reads a state from a label, a flag value such as
// "pending-deactivation", or a raw status such as "REJECTED", which reads as
// the display state DisplayState gives it; ok is false for anything else.
func ParseState(text string) (State, bool) {
	if s, ok := labelOf(text, KnownStates()...); ok {
		return s, true
	}
	for _, raw := range RawStatuses() {
		if equalFoldLabel(raw, text) {
			s, _ := DisplayState(raw, "")
			return s, true
		}
	}
	return StateOther, false
}

// labelOf is the choice whose String is text, in any case.
func labelOf[T fmt.Stringer](text string, choices ...T) (T, bool) {
	for _, c := range choices {
		if equalFoldLabel(c.String(), text) {
			return c, true
		}
	}
	var none T
	return none, false
}

func equalFoldLabel(label, text string) bool {
	if len(label) != len(text) {
		return false
	}
	for i := 0; i < len(label); i++ {
		a, b := lower(label[i]), lower(text[i])
		if a == ' ' || a == '_' {
			a = '-'
		}
		if b == ' ' || b == '_' {
			b = '-'
		}
		if a != b {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// DisplayState maps (status, status_for_pending_request) to the dashboard's
// state, and returns the raw status as the label when it is unknown.
func DisplayState(status, pendingRequest string) (State, string) {
	var s State
	switch {
	case status == StatusPendingDeactivation,
		status == StatusActive && pendingRequest == PendingDeactivation:
		s = StatePendingDeactivation
	case status == StatusInitiated, status == StatusPending:
		s = StatePending
	case status == StatusActive:
		s = StateActive
	case status == StatusRejected:
		s = StateInactive
	case status == StatusDraft:
		s = StateDraft
	case status == StatusDeactivated:
		s = StateDeactivated
	default:
		if status == "" {
			return StateOther, "unknown"
		}
		return StateOther, status
	}
	return s, s.String()
}

// State is the solution's display state.
func (s *Solution) State() State {
	st, _ := DisplayState(s.Status, s.PendingRequest)
	return st
}

// StateLabel is the solution's display state as text, raw when unknown.
func (s *Solution) StateLabel() string {
	_, label := DisplayState(s.Status, s.PendingRequest)
	return label
}

package sandbox

import (
	"unicode/utf8"

	"mps/graph"
)

// MaxReasonLength bounds rejection_reason and reason, in characters.
// Meta documents no limit for either; 512 is chosen as a limit such a
// free-text field plausibly has, so that a client's own limit meets a
// refusal shaped like Graph's.
const MaxReasonLength = 512

// reasonParam is the optional free-text parameter the action takes in
// Meta's OpenAPI description, "" when it takes none. It is spelt here from
// the description, not taken from graph's Action.ReasonParam, so that a
// misspelling in the client meets Graph's refusal instead of agreement.
func reasonParam(a graph.Action) string {
	switch a {
	case graph.ActionReject:
		return "rejection_reason"
	case graph.ActionRequestDeactivation:
		return "reason"
	}
	return ""
}

// checkReason refuses a reason over MaxReasonLength.
func (c *call) checkReason(a graph.Action) *apiError {
	p := reasonParam(a)
	if p != "" && utf8.RuneCountInString(c.params.Get(p)) > MaxReasonLength {
		return errInvalid("Param %s must be at most %d characters long", p, MaxReasonLength)
	}
	return nil
}

// keepReason records the reason given with an action that takes one ("" for
// none), for LastReason. Caller holds s.mu.
func (c *call) keepReason(sol *solution, a graph.Action) {
	if p := reasonParam(a); p != "" {
		sol.reason = c.params.Get(p)
	}
}

// LastReason is the reason given with the last reject or
// send_deactivation_request taken on the solution; ok is false when that
// action carried none, or none was taken.
func (s *Sandbox) LastReason(solutionID string) (reason string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sol, found := s.state.solution(solutionID)
	if !found {
		return "", false
	}
	reason = sol.reason
	return reason, reason != ""
}

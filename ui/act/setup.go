package act

import (
	"errors"
	"strings"

	"mps/graph"
)

// EffectOf is a setup call's error as the journal takes it: it was sent
// when it succeeded, when Graph answered it, or when its outcome is
// unknown; anything else failed before it went.
func EffectOf(err error) Effect {
	_, answered := errors.AsType[*graph.Error](err)
	return Effect{Sent: err == nil || answered || graph.IsUnknownOutcome(err), Err: err}
}

// BusinessManagementHint is what to do when Graph refuses a credit-line
// call for want of business_management.
const BusinessManagementHint = "Credit lines need business_management, on a system user with the Admin or Financial Editor role: grant it, then `mps login` again."

// LacksBusinessManagement says Graph refused the call because the token
// lacks the business_management permission, and gives Graph's message.
func LacksBusinessManagement(err error) (string, bool) {
	ge, ok := errors.AsType[*graph.Error](err)
	if ok && ge.Class() == graph.ClassPermission && strings.Contains(ge.Message, "business_management") {
		return ge.Message, true
	}
	return "", false
}

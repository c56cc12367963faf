package graph

import "fmt"

// Action is one of the five POSTs that change a solution's state.
type Action int

const (
	ActionAccept Action = iota
	ActionReject
	ActionRequestDeactivation
	ActionAcceptDeactivation
	ActionRejectDeactivation
)

// AllActions lists every action.
func AllActions() []Action {
	return []Action{ActionAccept, ActionReject, ActionRequestDeactivation, ActionAcceptDeactivation, ActionRejectDeactivation}
}

// Edge is the path segment the action is POSTed to.
func (a Action) Edge() string {
	return [...]string{"accept", "reject", "send_deactivation_request", "accept_deactivation_request", "reject_deactivation_request"}[a]
}

// Command is the mps command name for the action.
func (a Action) Command() string {
	return [...]string{"accept", "reject", "deactivate", "accept-deactivation", "reject-deactivation"}[a]
}

// Title is the action as a person reads it.
func (a Action) Title() string {
	return [...]string{"Accept solution request", "Reject solution request", "Request deactivation", "Accept deactivation request", "Reject deactivation request"}[a]
}

func (a Action) String() string { return a.Command() }

// ParseAction reads an action from its command name or its edge.
func ParseAction(text string) (Action, bool) {
	for _, a := range AllActions() {
		if text == a.Command() || text == a.Edge() {
			return a, true
		}
	}
	return 0, false
}

// Irreversible says whether the action's result cannot be undone by any
// later action: an accepted solution cannot be declined, a rejected request
// cannot be revived, and a deactivated solution stays deactivated.
func (a Action) Irreversible() bool {
	return a != ActionRequestDeactivation && a != ActionRejectDeactivation
}

// Consequence says in one sentence what happens once the action is done.
func (a Action) Consequence() string {
	return [...]string{
		"The solution becomes Active and can onboard customers. An accepted solution cannot be declined later.",
		"The solution becomes Inactive. The partner must send a new request to try again.",
		"The partner is asked to deactivate. The solution keeps onboarding customers until the partner accepts.",
		"The solution becomes Deactivated and can no longer onboard customers. This cannot be undone.",
		"The solution stays Active and keeps onboarding customers.",
	}[a]
}

// Verdict says whether an action is allowed, and if not, why.
type Verdict struct {
	Action  Action
	Allowed bool
	Reason  string // set when not allowed: a sentence a person can read
}

// Check decides whether our side may take the action on a solution in the
// given state. The rules follow the guide: only the invited partner answers a
// solution request; only the owner asks for deactivation, and only while
// Active; the deactivation request is answered by the side that did not send
// it, which is the partner since only the owner can send one.
func Check(a Action, st State, role Role) Verdict {
	v := Verdict{Action: a}
	refuse := func(format string, args ...any) Verdict {
		v.Reason = fmt.Sprintf(format, args...)
		return v
	}
	switch a {
	case ActionAccept, ActionReject:
		verb := map[Action]string{ActionAccept: "accept", ActionReject: "reject"}[a]
		if st != StatePending {
			if st == StatePendingDeactivation {
				return refuse("this is a deactivation request: use %s deactivation", verb)
			}
			return refuse("only a pending request can be %sed; this solution is %s", verb, stateText(st))
		}
		if role == RoleOwner {
			return refuse("only the invited partner can %s; we sent this request and are waiting for them", verb)
		}
		if role != RolePartner {
			return refuse("%s", noSide(role))
		}
	case ActionRequestDeactivation:
		if role == RolePartner {
			return refuse("only the owner can request deactivation")
		}
		if role != RoleOwner {
			return refuse("%s", noSide(role))
		}
		if st == StatePendingDeactivation {
			return refuse("a deactivation request is already waiting for the partner")
		}
		if st != StateActive {
			return refuse("only an Active solution can be deactivated; this one is %s", stateText(st))
		}
	case ActionAcceptDeactivation, ActionRejectDeactivation:
		verb := map[Action]string{ActionAcceptDeactivation: "accept", ActionRejectDeactivation: "reject"}[a]
		if st != StatePendingDeactivation {
			return refuse("there is no deactivation request to %s; this solution is %s", verb, stateText(st))
		}
		if role == RoleOwner {
			return refuse("we asked for this deactivation; only the partner can %s it", verb)
		}
		if role != RolePartner {
			return refuse("%s", noSide(role))
		}
	default:
		return refuse("unknown action")
	}
	v.Allowed = true
	return v
}

// noSide says why an action needs a side we are not known to be on: the
// fact that is missing, or, when both sides are named, that neither is us.
func noSide(role Role) string {
	if role == RoleNone {
		return "our app is not a side of this solution: it names both sides and neither is our app (check the app ID)"
	}
	return "mps does not know our side of this solution yet: Graph's list did not say, and the solution has not been read"
}

func stateText(st State) string {
	if st == StateOther {
		return "in a state mps does not know"
	}
	return st.String()
}

// Allowed lists the verdict for every action, in AllActions order.
func Allowed(st State, role Role) []Verdict {
	out := make([]Verdict, len(AllActions()))
	for i, a := range AllActions() {
		out[i] = Check(a, st, role)
	}
	return out
}

// AnswerFor picks the action behind the "accept" and "reject" keys for a
// solution's state: the solution request, or the deactivation request.
func AnswerFor(st State, accept bool) Action {
	if st == StatePendingDeactivation {
		if accept {
			return ActionAcceptDeactivation
		}
		return ActionRejectDeactivation
	}
	if accept {
		return ActionAccept
	}
	return ActionReject
}

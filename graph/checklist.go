package graph

// Mark is one item of a customer's onboarding checklist.
type Mark string

const (
	MarkUnchecked     Mark = "not checked yet"
	MarkYes           Mark = "yes"
	MarkNo            Mark = "no"
	MarkNotApplicable Mark = "n/a"
	MarkUnknown       Mark = "unknown" // the read failed
)

// Symbol is the mark as a table shows it.
func (m Mark) Symbol() string {
	switch m {
	case MarkYes:
		return "✓"
	case MarkNo:
		return "✗"
	case MarkNotApplicable:
		return "—"
	case MarkUnknown:
		return "?"
	}
	return "…"
}

// MarkOf turns a read's answer into a mark: MarkUnknown when it failed.
func MarkOf(ok bool, err error) Mark {
	switch {
	case err != nil:
		return MarkUnknown
	case ok:
		return MarkYes
	}
	return MarkNo
}

// Checklist is the onboarding checklist of one customer WABA (the guide's
// steps 6 and 7): listed by the API, our app subscribed to its webhooks,
// and, where we are its Solution Partner, our credit line shared and
// verified.
type Checklist struct {
	Listed     Mark `json:"listed"`
	Subscribed Mark `json:"subscribed"`
	Credit     Mark `json:"credit"`
}

// Done says every item that applies is ✓.
func (c Checklist) Done() bool {
	return c.Listed == MarkYes && c.Subscribed == MarkYes && (c.Credit == MarkYes || c.Credit == MarkNotApplicable)
}

// CreditApplies says the credit-line item applies: our app holds MESSAGING
// in the solution, which makes us its Solution Partner. Unknown (the
// solution does not name its permissions) counts as applying, so that a
// missing share is not hidden.
func CreditApplies(s *Solution, ourAppID string) bool {
	if s == nil {
		return true
	}
	side := MessagingSide(s)
	switch RoleOf(s, ourAppID) {
	case RoleOwner:
		return side == "owner" || side == ""
	case RolePartner:
		return side == "partner" || side == ""
	}
	return side == ""
}

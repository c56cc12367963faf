package sandbox

// MessagingRule is how many sides of a new solution may hold MESSAGING.
// The reference and its error say exactly one; one example on Meta's
// embedded-creation page puts it on both sides (graph-api-notes.md).
type MessagingRule int

const (
	// MessagingOneSide takes exactly one side holding MESSAGING, as the
	// reference says (the default).
	MessagingOneSide MessagingRule = iota
	// MessagingBothSides also takes MESSAGING on both sides, as the
	// example does; neither side is still refused.
	MessagingBothSides
)

func messagingRuleNames() enumNames { return enumNames{"one-side", "both-sides"} }

func (m MessagingRule) String() string { return messagingRuleNames().text(int(m), "MessagingRule") }

// ParseMessagingRule reads "one-side" or "both-sides".
func ParseMessagingRule(name string) (MessagingRule, bool) {
	i, ok := messagingRuleNames().parse(name)
	return MessagingRule(i), ok
}

func (m MessagingRule) allows(owner, partner bool) bool {
	if m == MessagingBothSides {
		return owner || partner
	}
	return owner != partner
}

// SetMessagingRule switches the rule new solutions are checked against.
func (s *Sandbox) SetMessagingRule(m MessagingRule) { s.messaging.Store(int32(m)) }

// MessagingRule is the rule in force.
func (s *Sandbox) MessagingRule() MessagingRule { return MessagingRule(s.messaging.Load()) }

package sandbox

import (
	"fmt"
	"strings"
)

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

var messagingRuleNames = [...]string{"one-side", "both-sides"}

func (m MessagingRule) String() string {
	if m >= 0 && int(m) < len(messagingRuleNames) {
		return messagingRuleNames[m]
	}
	return fmt.Sprintf("MessagingRule(%d)", int(m))
}

// ParseMessagingRule reads "one-side" or "both-sides".
func ParseMessagingRule(name string) (MessagingRule, bool) {
	for i, n := range messagingRuleNames {
		if strings.EqualFold(n, name) {
			return MessagingRule(i), true
		}
	}
	return 0, false
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

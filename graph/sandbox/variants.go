package sandbox

import "fmt"

// Variants are the switches for what Meta's documents allow Graph to do
// differently, as a demo takes them: lists that answer only their default
// fields, the form the action POSTs must use, and how many sides of a new
// solution may hold MESSAGING.
type Variants struct {
	ListDefaultFieldsOnly bool
	ActionBodies          ActionBodies
	Messaging             MessagingRule
}

// The names ParseVariants reads for the lists switch.
const (
	ListsExpanded      = ""
	ListsDefaultFields = "default-fields"
)

// ParseVariants reads the lists switch ("" or "default-fields") and the
// action bodies rule ("", "any", "openapi" or "guide").
func ParseVariants(lists, bodies string) (Variants, error) {
	var v Variants
	switch lists {
	case ListsExpanded:
	case ListsDefaultFields:
		v.ListDefaultFieldsOnly = true
	default:
		return v, fmt.Errorf("lists %q is not %q (or unset)", lists, ListsDefaultFields)
	}
	if bodies != "" {
		rule, ok := ParseActionBodies(bodies)
		if !ok {
			return v, fmt.Errorf("action bodies %q is not one of any, openapi, guide", bodies)
		}
		v.ActionBodies = rule
	}
	return v, nil
}

// Apply switches the sandbox to the variants.
func (v Variants) Apply(s *Sandbox) {
	s.SetListDefaultFieldsOnly(v.ListDefaultFieldsOnly)
	s.SetActionBodies(v.ActionBodies)
	s.SetMessagingRule(v.Messaging)
}

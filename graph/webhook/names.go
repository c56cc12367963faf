package webhook

import "strings"

// KnownFields are the change fields mps understands, in the guide's order.
func KnownFields() []string {
	return []string{FieldPartnerSolutions, FieldAccountUpdate}
}

// KnownEvents are the value.event names mps understands, in the guide's order.
func KnownEvents() []string {
	return []string{EventSolutionCreated, EventSolutionUpdated, EventPartnerAdded,
		EventPartnerAppInstalled, EventPartnerAppUninstalled, EventPartnerRemoved}
}

// LookupField returns the known field that text names, ignoring case.
func LookupField(text string) (string, bool) { return lookupFold(KnownFields(), text) }

// LookupEvent returns the known event that text names, ignoring case.
func LookupEvent(text string) (string, bool) { return lookupFold(KnownEvents(), text) }

func lookupFold(names []string, text string) (string, bool) {
	for _, n := range names {
		if strings.EqualFold(n, text) {
			return n, true
		}
	}
	return "", false
}

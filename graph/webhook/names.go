package webhook

import "strings"

// The fields and events mps understands. Others are kept raw.
const (
	FieldPartnerSolutions = "partner_solutions"
	FieldAccountUpdate    = "account_update"

	EventSolutionCreated       = "SOLUTION_CREATED"
	EventSolutionUpdated       = "SOLUTION_UPDATED"
	EventPartnerAdded          = "PARTNER_ADDED"
	EventPartnerAppInstalled   = "PARTNER_APP_INSTALLED"
	EventPartnerAppUninstalled = "PARTNER_APP_UNINSTALLED"
	EventPartnerRemoved        = "PARTNER_REMOVED"
)

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

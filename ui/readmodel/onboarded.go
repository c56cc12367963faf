package readmodel

import (
	"slices"

	"mps/store/eventlog"
)

// Onboarded keeps the WABAs of seen that webhooks report as onboarded through
// solutionID and not gone since. As in Reconcile, a WABA whose latest event
// is PARTNER_REMOVED is gone unless the API still lists it; listed may be nil
// when the API's list is not known. Newest first report first, then by ID.
func Onboarded(seen []eventlog.SeenWABA, solutionID string, listed func(wabaID string) bool) []eventlog.SeenWABA {
	var out []eventlog.SeenWABA
	for _, s := range seen {
		if s.SolutionID != solutionID {
			continue
		}
		if s.Removed && (listed == nil || !listed(s.WABAID)) {
			continue
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b eventlog.SeenWABA) int {
		if c := b.FirstSeen.Compare(a.FirstSeen); c != 0 {
			return c
		}
		return compareIDs(a.WABAID, b.WABAID)
	})
	return out
}

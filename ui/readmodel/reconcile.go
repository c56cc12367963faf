package readmodel

import (
	"cmp"
	"slices"
	"strings"

	"mps/graph"
	"mps/store/eventlog"
)

// Reconciliation compares the WABAs that PARTNER_ADDED webhooks reported with
// the WABAs client_whatsapp_business_accounts lists (the guide's fallback).
type Reconciliation struct {
	Listed   int // WABAs the API lists
	Reported int // WABAs webhooks reported
	Matched  int // in both

	// NoWebhook were onboarded (the API lists them) but no webhook was seen.
	NoWebhook []graph.WABA
	// NotListed were reported by a webhook but the API does not list them.
	NotListed []eventlog.SeenWABA
	// RemovedAndGone were reported, later removed (PARTNER_REMOVED), and are
	// not listed: as expected, shown for completeness.
	RemovedAndGone []eventlog.SeenWABA
}

// Consistent reports whether both sides agree.
func (r Reconciliation) Consistent() bool {
	return len(r.NoWebhook) == 0 && len(r.NotListed) == 0
}

// Reconcile compares seen with listed, matching on WABA ID. Both difference
// lists come out sorted by ID.
func Reconcile(seen []eventlog.SeenWABA, listed []graph.WABA) Reconciliation {
	listedIDs := make(map[string]bool, len(listed))
	for _, w := range listed {
		listedIDs[w.ID] = true
	}
	seenIDs := make(map[string]bool, len(seen))
	r := Reconciliation{Listed: len(listedIDs)}
	for _, s := range seen {
		if seenIDs[s.WABAID] {
			continue
		}
		seenIDs[s.WABAID] = true
		switch {
		case listedIDs[s.WABAID]:
			r.Matched++
		case s.Removed:
			r.RemovedAndGone = append(r.RemovedAndGone, s)
		default:
			r.NotListed = append(r.NotListed, s)
		}
	}
	r.Reported = len(seenIDs)
	added := map[string]bool{}
	for _, w := range listed {
		if !seenIDs[w.ID] && !added[w.ID] {
			added[w.ID] = true
			r.NoWebhook = append(r.NoWebhook, w)
		}
	}
	slices.SortFunc(r.NoWebhook, func(a, b graph.WABA) int { return compareIDs(a.ID, b.ID) })
	slices.SortFunc(r.NotListed, func(a, b eventlog.SeenWABA) int { return compareIDs(a.WABAID, b.WABAID) })
	slices.SortFunc(r.RemovedAndGone, func(a, b eventlog.SeenWABA) int { return compareIDs(a.WABAID, b.WABAID) })
	return r
}

// compareIDs orders Graph IDs (digits) numerically: shorter first, then by text.
func compareIDs(a, b string) int {
	return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
}

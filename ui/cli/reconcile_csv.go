package cli

import (
	"time"

	"mps/store/eventlog"
	"mps/ui/readmodel"
)

// reconcileFindings is the reconciliation's WABA lists as one table for
// --csv, a row per WABA; FINDING is the list's --json key.
func reconcileFindings(r readmodel.Reconciliation) *plainTable {
	t := newPlainTable("FINDING", "WABA ID", "NAME", "SOLUTION", "FIRST REPORTED")
	for _, w := range r.NoWebhook {
		t.add("onboarded_no_webhook", w.ID, w.Name)
	}
	seen := func(finding string, list []eventlog.SeenWABA) {
		for _, x := range list {
			t.add(finding, x.WABAID, "", x.SolutionID, localMinute(x.FirstSeen))
		}
	}
	seen("webhook_not_listed", r.NotListed)
	seen("removed_and_gone", r.RemovedAndGone)
	return t
}

func localMinute(t time.Time) string {
	return t.In(time.Local).Format("2006-01-02 15:04")
}

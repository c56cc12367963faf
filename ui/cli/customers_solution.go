package cli

import (
	"context"
	"fmt"
	"time"

	"mps/graph"
	"mps/ui/readmodel"
)

// notListedName marks a WABA the event log reports but the API does not list.
const notListedName = readmodel.NotListedName

// onboardedJSON is one customer of a solution: Graph's fields when the API
// lists the WABA, and what the event log says.
type onboardedJSON struct {
	graph.WABA
	SolutionID    string    `json:"solution_id"`
	Listed        bool      `json:"listed"`
	FirstReported time.Time `json:"first_reported"`
}

// solutionCustomers lists the WABAs that PARTNER_ADDED webhooks say were
// onboarded through solutionID and not removed since (Graph cannot list
// WABAs by solution), joined with client_whatsapp_business_accounts.
func solutionCustomers(ctx context.Context, s *Session, businessID, solutionID string, format outputFormat) error {
	log, path, err := s.openEventLogIfAny(ctx)
	if err != nil {
		return err
	}
	if log == nil {
		return &exitError{code: ExitError,
			msg:  fmt.Sprintf("no event log at %s: the customers of a solution are known only from PARTNER_ADDED webhooks", path),
			hint: "Run `mps webhook serve` to receive them; `mps customers` without --solution lists every customer."}
	}
	defer log.Close()
	seen, err := log.WABAsSeen(ctx)
	if err != nil {
		return err
	}
	listed, err := s.readCustomers(ctx, businessID, nil)
	if err != nil {
		return err
	}
	byID := make(map[string]graph.WABA, len(listed))
	for _, w := range listed {
		byID[w.ID] = w
	}
	onboarded := readmodel.Onboarded(seen, solutionID, func(id string) bool { _, ok := byID[id]; return ok })
	rows := make([]onboardedJSON, len(onboarded))
	for i, o := range onboarded {
		w, ok := byID[o.WABAID]
		if !ok {
			w = graph.WABA{ID: o.WABAID}
		}
		rows[i] = onboardedJSON{WABA: w, SolutionID: solutionID, Listed: ok, FirstReported: o.FirstSeen}
	}
	return s.printList(format, rowsOutput(rows, fmt.Sprintf("No customers reported for solution %s (event log %s).", solutionID, path),
		[]string{"WABA ID", "NAME", "TIMEZONE", "BUSINESS TYPE", "TEMPLATE NAMESPACE", "FIRST REPORTED"},
		func(r onboardedJSON) []string {
			name := r.Name
			if !r.Listed {
				name = notListedName
			}
			return []string{r.ID, name, r.TimezoneID, r.BusinessType, r.MessageTemplateNamespace, localMinute(r.FirstReported)}
		}))
}

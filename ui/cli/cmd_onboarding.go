package cli

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store/eventlog"
	"mps/ui/readmodel"
)

func newOnboardingCommand(a *app) *cobra.Command {
	var solutionID string
	cmd := a.listCommand(&cobra.Command{
		Use:   "onboarding",
		Short: "Each customer's onboarding checklist: listed, subscribed, credit line shared",
		Long: "For every customer (a PARTNER_ADDED in the event log, or listed by the API), newest first:\n" +
			"  listed by client_whatsapp_business_accounts; our app subscribed to its webhooks\n" +
			"  (subscribed_apps); and, where our app holds MESSAGING in the solution (we are its Solution\n" +
			"  Partner), our credit line shared and verified. — means it does not apply, … not checked\n" +
			"  (the API does not list the WABA), ? the read failed.\n" +
			"Each check is read at most once per WABA per run: these reads count against Graph's limit of\n" +
			"200 calls an hour per WABA; the credit lines' shares are read once for all.\n" +
			"--solution keeps the customers the log says came through that solution.\n" + csvDetail,
	}, func(ctx context.Context, s *Session, _ []string, format outputFormat) error {
		if solutionID != "" {
			if err := requireID("solution", solutionID); err != nil {
				return err
			}
		}
		return s.onboarding(ctx, solutionID, format)
	})
	cmd.Flags().StringVar(&solutionID, "solution", "", "only the customers onboarded through `SOLUTION_ID`")
	return cmd
}

type onboardingJSON struct {
	WABAID        string     `json:"waba_id"`
	Name          string     `json:"name,omitempty"`
	SolutionID    string     `json:"solution_id,omitempty"`
	FirstReported *time.Time `json:"first_reported"`
	graph.Checklist
	Done      bool       `json:"done"`
	Fix       string     `json:"fix,omitempty"`
	CheckedAt *time.Time `json:"checked_at"` // null: nothing read (the API does not list it)
}

func (s *Session) onboarding(ctx context.Context, solutionID string, format outputFormat) error {
	appID, businessID, c, err := s.appBusinessClient()
	if err != nil {
		return err
	}
	var seen []eventlog.SeenWABA
	log, _, err := s.openEventLogIfAny(ctx)
	if err != nil {
		return err
	}
	if log != nil {
		defer log.Close()
		if seen, err = log.WABAsSeen(ctx); err != nil {
			return err
		}
	}
	listed, err := s.readCustomers(ctx, businessID, nil)
	if err != nil {
		return err
	}
	sols, err := c.AppSolutions(ctx, appID, graph.SolutionQuery{Detailed: true})
	if err != nil {
		return err
	}
	byID := make(map[string]*graph.Solution, len(sols))
	for i := range sols {
		byID[sols[i].ID] = &sols[i]
	}
	reads, err := s.checklistReads(ctx, byID)
	if err != nil {
		return err
	}
	customers := readmodel.Customers(seen, listed, solutionID)
	rows := checkAll(ctx, reads, customers)
	return s.printList(format, listOutput{
		count: len(rows),
		json:  func() (any, error) { return nonNil(rows), nil },
		table: func() *plainTable {
			t := newPlainTable("WABA ID", "NAME", "SOLUTION", "LISTED", "SUBSCRIBED", "CREDIT", "NEXT")
			for _, r := range rows {
				t.add(r.WABAID, r.Name, orDash(r.SolutionID), r.Listed.Symbol(), r.Subscribed.Symbol(), r.Credit.Symbol(), r.Fix)
			}
			return t
		},
		none: "No customers yet.",
	})
}

// checkAll decides every customer's checklist, in the customers' order.
func checkAll(ctx context.Context, reads *readmodel.ChecklistReads, customers []readmodel.Customer) []onboardingJSON {
	lists := reads.CheckAll(ctx, customers)
	rows := make([]onboardingJSON, len(customers))
	for i, c := range customers {
		rows[i] = onboardingRow(c, lists[i])
		if at := reads.CheckedAt(c.WABA.ID); !at.IsZero() {
			rows[i].CheckedAt = &at
		}
	}
	return rows
}

func onboardingRow(c readmodel.Customer, list graph.Checklist) onboardingJSON {
	row := onboardingJSON{WABAID: c.WABA.ID, Name: c.WABA.Name, SolutionID: c.SolutionID, Checklist: list, Done: list.Done()}
	if !c.FirstSeen.IsZero() {
		row.FirstReported = &c.FirstSeen
	}
	switch {
	case list.Listed == graph.MarkNo:
		row.Fix = "mps reconcile"
	case list.Subscribed == graph.MarkNo:
		row.Fix = "mps waba subscribe " + c.WABA.ID
	case list.Credit == graph.MarkNo:
		row.Fix = "mps credit share " + c.WABA.ID + " --currency C"
	}
	return row
}

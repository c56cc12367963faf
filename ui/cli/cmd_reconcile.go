package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store/eventlog"
	"mps/ui/readmodel"
)

func newReconcileCommand(a *app) *cobra.Command {
	var partners []string
	cmd := a.listCommand(&cobra.Command{
		Use:   "reconcile",
		Short: "Compare the customers webhooks reported with those the API lists",
		Long: "The guide's fallback for webhook problems: the WABAs that PARTNER_ADDED webhooks reported\n" +
			"(the profile's event log) against client_whatsapp_business_accounts, both ways, and the\n" +
			"onboarding count of the last 7 days against the limit of " + strconv.Itoa(readmodel.OnboardingLimit) + ".\n" +
			"Each --partner keeps only the listed accounts shared with that partner business too.\n" +
			"With --csv: a row per WABA in those lists, FINDING naming its list as --json does; the\n" +
			"counts and the onboarding gauge are in the text and --json only.\n" + demoLogDetail + csvFormulaNote,
	}, func(ctx context.Context, s *Session, _ []string, format outputFormat) error {
		if err := requireIDs("partner business", partners); err != nil {
			return err
		}
		return reconcile(ctx, s, partners, format)
	})
	a.partnerFlag(cmd, &partners, "only listed accounts shared with this partner `BUSINESS_ID` (repeatable)")
	return cmd
}

func reconcile(ctx context.Context, s *Session, partners []string, format outputFormat) error {
	businessID, err := s.requireBusinessID()
	if err != nil {
		return err
	}
	log, path, err := s.openEventLogIfAny(ctx)
	if err != nil {
		return err
	}
	var seen []eventlog.SeenWABA
	gauge := readmodel.NewGauge(s.env.Now(), 0, nil)
	if log != nil {
		defer log.Close()
		if seen, err = log.WABAsSeen(ctx); err != nil {
			return err
		}
		if gauge, err = readmodel.ReadGauge(ctx, log, s.env.Now()); err != nil {
			return err
		}
	}
	listed, err := s.readCustomers(ctx, businessID, partners)
	if err != nil {
		return err
	}
	r := readmodel.Reconcile(seen, listed)
	switch format {
	case formatJSON:
		return writeJSON(s.stdout, toReconcileJSON(businessID, path, r, gauge))
	case formatCSV:
		return reconcileFindings(r).writeCSV(s.stdout)
	}
	return writeReconciliation(s, businessID, path, log != nil, r, gauge)
}

func writeReconciliation(s *Session, businessID, path string, haveLog bool, r readmodel.Reconciliation, g readmodel.Gauge) error {
	w := s.stdout
	fmt.Fprintf(w, "Business %s, event log %s\n", businessID, path)
	if !haveLog {
		fmt.Fprintln(w, "The event log does not exist yet: no webhook has been received (`mps webhook serve`).")
	}
	f := newFields()
	f.add("listed by client_whatsapp_business_accounts", strconv.Itoa(r.Listed))
	f.add("reported by PARTNER_ADDED webhooks", strconv.Itoa(r.Reported))
	f.add("in both", strconv.Itoa(r.Matched))
	if err := f.write(w); err != nil {
		return err
	}
	if r.Consistent() {
		fmt.Fprintln(w, "\nBoth sides agree.")
	}
	if len(r.NoWebhook) > 0 {
		fmt.Fprintf(w, "\nOnboarded but no webhook seen (%d):\n", len(r.NoWebhook))
		t := newPlainTable("WABA ID", "NAME")
		for _, x := range r.NoWebhook {
			t.add(x.ID, x.Name)
		}
		t.write(w)
	}
	writeSeen(s, "Webhook seen but not listed", r.NotListed)
	writeSeen(s, "Reported, later removed, and not listed (as expected)", r.RemovedAndGone)
	return writeGauge(s, g)
}

func writeSeen(s *Session, title string, list []eventlog.SeenWABA) {
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(s.stdout, "\n%s (%d):\n", title, len(list))
	t := newPlainTable("WABA ID", "SOLUTION", "FIRST REPORTED")
	for _, x := range list {
		t.add(x.WABAID, x.SolutionID, localMinute(x.FirstSeen))
	}
	t.write(s.stdout)
}

func writeGauge(s *Session, g readmodel.Gauge) error {
	fmt.Fprintf(s.stdout, "\nOnboarded in the last 7 days: %d of %d (%s)\n", g.Total, g.Limit, g.Level)
	if g.Level != readmodel.LevelOK {
		fmt.Fprintf(s.stdout, "Warning: a Tech Provider may onboard at most %d new customers in a rolling week.\n", g.Limit)
	}
	if len(g.PerSolution) == 0 {
		return nil
	}
	t := newPlainTable("SOLUTION", "ONBOARDED", "OF LIMIT")
	for _, c := range g.PerSolution {
		t.add(c.SolutionID, strconv.Itoa(c.Count), c.Level.String())
	}
	return t.write(s.stdout)
}

type seenJSON struct {
	WABAID        string    `json:"waba_id"`
	SolutionID    string    `json:"solution_id"`
	FirstReported time.Time `json:"first_reported"`
}

type solutionCountJSON struct {
	SolutionID string `json:"solution_id"`
	Count      int    `json:"count"`
	Level      string `json:"level"`
}

type gaugeJSON struct {
	Since       time.Time           `json:"since"`
	Limit       int                 `json:"limit"`
	Total       int                 `json:"total"`
	Level       string              `json:"level"`
	PerSolution []solutionCountJSON `json:"per_solution"`
}

type reconcileJSON struct {
	BusinessID         string       `json:"business_id"`
	EventLog           string       `json:"event_log"`
	Listed             int          `json:"listed"`
	Reported           int          `json:"reported"`
	Matched            int          `json:"matched"`
	Consistent         bool         `json:"consistent"`
	OnboardedNoWebhook []graph.WABA `json:"onboarded_no_webhook"`
	WebhookNotListed   []seenJSON   `json:"webhook_not_listed"`
	RemovedAndGone     []seenJSON   `json:"removed_and_gone"`
	OnboardingWeek     gaugeJSON    `json:"onboarding_week"`
}

func toReconcileJSON(businessID, path string, r readmodel.Reconciliation, g readmodel.Gauge) reconcileJSON {
	seen := func(list []eventlog.SeenWABA) []seenJSON {
		return mapped(list, func(x eventlog.SeenWABA) seenJSON {
			return seenJSON{WABAID: x.WABAID, SolutionID: x.SolutionID, FirstReported: x.FirstSeen}
		})
	}
	gj := gaugeJSON{Since: g.Since, Limit: g.Limit, Total: g.Total, Level: g.Level.String(), PerSolution: []solutionCountJSON{}}
	for _, c := range g.PerSolution {
		gj.PerSolution = append(gj.PerSolution, solutionCountJSON{SolutionID: c.SolutionID, Count: c.Count, Level: c.Level.String()})
	}
	return reconcileJSON{
		BusinessID: businessID, EventLog: path,
		Listed: r.Listed, Reported: r.Reported, Matched: r.Matched, Consistent: r.Consistent(),
		OnboardedNoWebhook: nonNil(r.NoWebhook),
		WebhookNotListed:   seen(r.NotListed),
		RemovedAndGone:     seen(r.RemovedAndGone),
		OnboardingWeek:     gj,
	}
}

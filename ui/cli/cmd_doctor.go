package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store/eventlog"
	"mps/ui/readmodel"
)

func newDoctorCommand(a *app) *cobra.Command {
	return a.jsonCommand(&cobra.Command{
		Use:   "doctor",
		Short: "Check the guide's requirements: token, API version, webhooks, customers",
		Long: "One line per check, pass, warn or fail, with what to do:\n" +
			"  the token (valid, its type, expiry, and the scopes whatsapp_business_management,\n" +
			"  whatsapp_business_messaging, business_management where we share credit lines, and\n" +
			"  manage_app_solution), the API version, the app's webhook subscription (read with the app\n" +
			"  access token), the event log's last webhook (a warning after 7 days of silence while\n" +
			"  solutions are Active), and reconcile's summary of the onboarded customers.\n" +
			"Exit 0 when nothing fails, 1 when a check fails. --json gives every check.",
	}, func(ctx context.Context, s *Session, _ []string, asJSON bool) error {
		checks, err := s.doctorChecks(ctx)
		if err != nil {
			return err
		}
		if asJSON {
			err = writeJSON(s.stdout, doctorJSON{Checks: checks, Failed: countStatus(checks, graph.CheckFail), Warned: countStatus(checks, graph.CheckWarn)})
		} else {
			err = s.writeChecks(checks)
		}
		if err != nil {
			return err
		}
		if n := countStatus(checks, graph.CheckFail); n > 0 {
			return &exitError{code: ExitError, msg: fmt.Sprintf("%d of %d checks failed", n, len(checks))}
		}
		return nil
	})
}

type doctorJSON struct {
	Checks []graph.SetupCheck `json:"checks"`
	Failed int                `json:"failed"`
	Warned int                `json:"warned"`
}

func countStatus(checks []graph.SetupCheck, st graph.CheckStatus) int {
	n := 0
	for _, c := range checks {
		if c.Status == st {
			n++
		}
	}
	return n
}

// doctorChecks gathers the facts and decides the checks with the rule in
// graph, the one a dashboard view calls too. A fact that cannot be read
// becomes a failing or warning check, not an error of the command.
func (s *Session) doctorChecks(ctx context.Context) ([]graph.SetupCheck, error) {
	appID, businessID, c, err := s.appBusinessClient()
	if err != nil {
		return nil, err
	}
	now := s.env.Now()
	f := graph.DoctorFacts{Now: now, APIVersion: s.settings.APIVersion,
		SubscribeCommand: "`mps webhook subscribe --callback-url URL` (the public HTTPS URL of `mps webhook serve`)."}
	f.Token, f.TokenErr = c.DebugToken(ctx)
	if f.TokenErr != nil && graph.ClassOf(f.TokenErr) == graph.ClassAuth {
		return nil, f.TokenErr // no further read would work
	}
	f.VersionNote, f.VersionWarn = versionNote(f.APIVersion, now)
	if v, ok := newerVersion(f.APIVersion, now); ok {
		f.NewerVersion = v.name
	}
	f.Subscriptions, f.SubscribeErr = s.readAppSubscriptions(ctx)
	if sols, err := c.AppSolutions(ctx, appID, graph.SolutionQuery{Detailed: true}); err == nil {
		for i := range sols {
			if st := sols[i].State(); st == graph.StateActive || st == graph.StatePendingDeactivation {
				f.ActiveSolutions++
				f.CreditLines = f.CreditLines || graph.CreditApplies(&sols[i], appID)
			}
		}
	}
	log, _, err := s.openEventLogIfAny(ctx, "doctor")
	if err != nil {
		f.EventLogErr = err
	}
	var seen []eventlog.SeenWABA
	if log != nil {
		defer log.Close()
		f.LastWebhook, f.EventLogErr = readmodel.LastWebhook(ctx, log, now, graph.SilenceWarning)
		seen, err = log.WABAsSeen(ctx)
		f.ReconcileErr = errors.Join(f.ReconcileErr, err)
	}
	listed, err := s.readCustomers(ctx, businessID, nil)
	f.ReconcileErr = errors.Join(f.ReconcileErr, err)
	f.Reconciled = f.ReconcileErr == nil
	if f.Reconciled {
		r := readmodel.Reconcile(seen, listed)
		f.OnlyInAPI, f.OnlyInLog = len(r.NoWebhook), len(r.NotListed)
	}
	return graph.DoctorChecks(f), nil
}

func (s *Session) writeChecks(checks []graph.SetupCheck) error {
	t := newPlainTable("", "CHECK", "DETAIL")
	t.maxCell = 0
	for _, c := range checks {
		t.add(statusMark(c.Status), c.Name, c.Detail)
		if c.Fix != "" {
			t.add("", "", "→ "+c.Fix)
		}
	}
	if err := t.write(s.stdout); err != nil {
		return err
	}
	summary := fmt.Sprintf("%d passed, %d warnings, %d failed", countStatus(checks, graph.CheckPass), countStatus(checks, graph.CheckWarn), countStatus(checks, graph.CheckFail))
	_, err := fmt.Fprintln(s.stdout, "\n"+summary+".")
	return err
}

func statusMark(st graph.CheckStatus) string {
	switch st {
	case graph.CheckPass:
		return "✓ pass"
	case graph.CheckWarn:
		return "! warn"
	}
	return "✗ " + strings.ToLower(string(st))
}

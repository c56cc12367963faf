package cli

import (
	"context"
	"fmt"
	"time"

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
			err = writeJSON(s.stdout, doctorJSON{Checks: checks, Failed: graph.CountStatus(checks, graph.CheckFail), Warned: graph.CountStatus(checks, graph.CheckWarn)})
		} else {
			err = s.writeChecks(checks)
		}
		if err != nil {
			return err
		}
		if n := graph.CountStatus(checks, graph.CheckFail); n > 0 {
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

// doctorChecks decides the checks with the one gathering the dashboard's
// doctor's view (!) calls too (readmodel.Doctor), reading the session's sources.
func (s *Session) doctorChecks(ctx context.Context) ([]graph.SetupCheck, error) {
	d, err := s.doctor(func(ctx context.Context) (*eventlog.Log, error) {
		log, _, err := s.openEventLogIfAny(ctx)
		return log, err
	}, func(ctx context.Context) ([]graph.WABA, error) {
		return s.readCustomers(ctx, s.settings.BusinessID, nil)
	})
	if err != nil {
		return nil, err
	}
	return d.Checks(ctx)
}

// doctor is the doctor's gathering over the session's client, with the
// event log and the customers read as the caller says.
func (s *Session) doctor(openLog func(context.Context) (*eventlog.Log, error), customers func(context.Context) ([]graph.WABA, error)) (*readmodel.Doctor, error) {
	appID, businessID, c, err := s.appBusinessClient()
	if err != nil {
		return nil, err
	}
	return &readmodel.Doctor{Client: c, AppID: appID, BusinessID: businessID, APIVersion: s.settings.APIVersion, Now: s.env.Now,
		SubscribeCommand: "`mps webhook subscribe --callback-url URL` (the public HTTPS URL of `mps webhook serve`).",
		Versions: func(version string, now time.Time) (string, bool, string) {
			note, warn := versionNote(version, now)
			newer := ""
			if v, ok := newerVersion(version, now); ok {
				newer = v.name
			}
			return note, warn, newer
		},
		AppSubscriptions: s.readAppSubscriptions, OpenLog: openLog, Customers: customers}, nil
}

func (s *Session) writeChecks(checks []graph.SetupCheck) error {
	t := newPlainTable("", "CHECK", "DETAIL")
	t.maxCell = 0
	for _, c := range checks {
		t.add(c.Status.Mark(), c.Name, c.Detail)
		if c.Fix != "" {
			t.add("", "", "→ "+c.Fix)
		}
	}
	if err := t.write(s.stdout); err != nil {
		return err
	}
	summary := fmt.Sprintf("%d passed, %d warnings, %d failed", graph.CountStatus(checks, graph.CheckPass), graph.CountStatus(checks, graph.CheckWarn), graph.CountStatus(checks, graph.CheckFail))
	_, err := fmt.Fprintln(s.stdout, "\n"+summary+".")
	return err
}

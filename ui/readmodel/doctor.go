package readmodel

import (
	"context"
	"errors"
	"time"

	"mps/graph"
	"mps/store/eventlog"
)

// Doctor gathers the doctor's facts and decides its checks with the rule
// in graph. The command (`mps doctor`) and the dashboard's doctor's view (!) both
// call Checks; what differs between them is only where each source reads
// from, given as functions.
type Doctor struct {
	Client     *graph.Client
	AppID      string
	BusinessID string
	APIVersion string
	Now        func() time.Time
	// SubscribeCommand is what the webhook check advises to run.
	SubscribeCommand string
	// Versions says what the API version's age means, and the newer one.
	Versions func(version string, now time.Time) (note string, warn bool, newer string)
	// AppSubscriptions reads the app's webhook subscriptions (with the
	// app access token).
	AppSubscriptions func(context.Context) ([]graph.AppSubscription, error)
	// OpenLog opens the event log for these reads, nil when there is
	// none; Checks closes it.
	OpenLog func(context.Context) (*eventlog.Log, error)
	// Customers reads every WABA client_whatsapp_business_accounts lists.
	Customers func(context.Context) ([]graph.WABA, error)
}

// Checks reads the facts and decides the checks. A fact that cannot be
// read becomes a failing or warning check; only a token Graph refuses
// ends it with an error, since no further read would work.
func (d *Doctor) Checks(ctx context.Context) ([]graph.SetupCheck, error) {
	now := d.Now()
	f := graph.DoctorFacts{Now: now, APIVersion: d.APIVersion, SubscribeCommand: d.SubscribeCommand}
	f.Token, f.TokenErr = d.Client.DebugToken(ctx)
	if f.TokenErr != nil && graph.ClassOf(f.TokenErr) == graph.ClassAuth {
		return nil, f.TokenErr
	}
	f.VersionNote, f.VersionWarn, f.NewerVersion = d.Versions(f.APIVersion, now)
	f.Subscriptions, f.SubscribeErr = d.AppSubscriptions(ctx)
	if sols, err := d.Client.AppSolutions(ctx, d.AppID, graph.SolutionQuery{Detailed: true}); err == nil {
		for i := range sols {
			if st := sols[i].State(); st == graph.StateActive || st == graph.StatePendingDeactivation {
				f.ActiveSolutions++
				f.CreditLines = f.CreditLines || graph.CreditApplies(&sols[i], d.AppID)
			}
		}
	}
	log, err := d.OpenLog(ctx)
	if err != nil {
		f.EventLogErr = err
	}
	var seen []eventlog.SeenWABA
	if log != nil {
		defer log.Close()
		f.LastWebhook, f.EventLogErr = LastWebhook(ctx, log, now, graph.SilenceWarning)
		seen, err = log.WABAsSeen(ctx)
		f.ReconcileErr = errors.Join(f.ReconcileErr, err)
	}
	listed, err := d.Customers(ctx)
	f.ReconcileErr = errors.Join(f.ReconcileErr, err)
	f.Reconciled = f.ReconcileErr == nil
	if f.Reconciled {
		r := Reconcile(seen, listed)
		f.OnlyInAPI, f.OnlyInLog = len(r.NoWebhook), len(r.NotListed)
	}
	return graph.DoctorChecks(f), nil
}

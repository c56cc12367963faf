package cli

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store"
	"mps/ui/act"
)

const appTokenDetail = "The call needs the app access token {app-id}|{app-secret}: mps builds it from the app secret\n" +
	"(`mps secret set app-secret` or " + store.EnvAppSecret + ") and sends it only in the Authorization header."

func newWebhookSubscriptionsCommand(a *app) *cobra.Command {
	return a.jsonCommand(&cobra.Command{
		Use:   "subscriptions",
		Short: "Show the app's webhook subscriptions",
		Long: "GET /{app-id}/subscriptions: the objects the app receives webhooks for, the callback URL,\n" +
			"whether it is active, and its fields. The guide needs whatsapp_business_account with\n" +
			"account_update and partner_solutions.\n" + appTokenDetail,
	}, func(ctx context.Context, s *Session, _ []string, asJSON bool) error {
		subs, err := s.readAppSubscriptions(ctx)
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(s.stdout, nonNil(subs))
		}
		return s.writeSubscriptions(subs)
	})
}

func (s *Session) readAppSubscriptions(ctx context.Context) ([]graph.AppSubscription, error) {
	appID, c, err := s.appTokenClient()
	if err != nil {
		return nil, err
	}
	subs, err := c.AppSubscriptions(ctx, appID)
	return subs, appTokenRefusal(err)
}

func (s *Session) writeSubscriptions(subs []graph.AppSubscription) error {
	if len(subs) == 0 {
		_, err := fmt.Fprintln(s.stdout, "The app has no webhook subscriptions.")
		return err
	}
	t := newPlainTable("OBJECT", "CALLBACK URL", "ACTIVE", "FIELDS")
	for _, sub := range subs {
		t.add(sub.Object, sub.CallbackURL, yesNo(sub.Active), strings.Join(sub.FieldNames(), ", "))
	}
	if err := t.write(s.stdout); err != nil {
		return err
	}
	if sub, ok := graph.WABASubscription(subs); !ok || len(sub.MissingFields()) > 0 {
		fmt.Fprintln(s.stdout, "\nThe guide needs "+graph.WebhookObject+" with "+strings.Join(graph.RequiredWebhookFields(), " and ")+": `mps webhook subscribe --callback-url URL`.")
	}
	return nil
}

func newWebhookSubscribeCommand(a *app) *cobra.Command {
	var callback string
	cmd := a.changeCommand(&cobra.Command{
		Use:   "subscribe",
		Short: "Subscribe the app to account_update and partner_solutions",
		Long: "POST /{app-id}/subscriptions for " + graph.WebhookObject + " with the fields account_update and\n" +
			"partner_solutions (and those the subscription has already), the callback URL and the verify\n" +
			"token (`mps secret set verify-token` or " + store.EnvVerifyToken + "). Meta calls the callback URL at once\n" +
			"to verify it, so `mps webhook serve` must already be reachable there, over HTTPS.\n" +
			"mps shows the current subscription and the change and asks first (--yes in scripts); the\n" +
			"POST is sent once, journaled, and never resent.\n" + appTokenDetail,
	}, func(ctx context.Context, s *Session, _ []string, yes bool) error {
		return s.subscribeApp(ctx, callback, yes)
	})
	cmd.Flags().StringVar(&callback, "callback-url", "", "the public HTTPS `URL` where `mps webhook serve` answers")
	return cmd
}

func (s *Session) subscribeApp(ctx context.Context, callback string, yes bool) error {
	if u, err := url.Parse(callback); callback == "" || err != nil || u.Scheme != "https" || u.Host == "" {
		return usageErrorf("Give --callback-url the public HTTPS URL of `mps webhook serve`, such as https://example.com/webhook.",
			"--callback-url %q is not an https URL: Meta delivers webhooks only over HTTPS", oneLine(callback))
	}
	verify, err := s.webhookVerifyToken()
	if err != nil {
		return err
	}
	appID, c, err := s.appTokenClient()
	if err != nil {
		return err
	}
	subs, err := s.readAppSubscriptions(ctx)
	if err != nil {
		return err
	}
	current, had := graph.WABASubscription(subs)
	fields := current.FieldNames()
	for _, f := range graph.RequiredWebhookFields() {
		if !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	before := "not subscribed"
	if had {
		before = fmt.Sprintf("%s, fields %s, active %s", orDash(current.CallbackURL), strings.Join(current.FieldNames(), ", "), yesNo(current.Active))
	}
	f := newFields()
	f.add("Action", "Subscribe app "+appID+" to "+graph.WebhookObject+" webhooks")
	f.add("Now", before)
	f.add("After", fmt.Sprintf("%s, fields %s", callback, strings.Join(fields, ", ")))
	f.add("Note", "Meta calls "+callback+" now to verify it: `mps webhook serve` must already be reachable there, with the same verify token.")
	if err := f.write(s.stdout); err != nil {
		return err
	}
	if err := s.confirmSend(ctx, yes, "subscribe the app", "Subscribe the app's webhooks to "+callback+"?"); err != nil {
		return err
	}
	ch := act.Change{Action: "webhook-subscribe", ObjectID: appID, ObjectName: "webhook subscription", StateBefore: before}
	if err := s.record(ctx, ch, func(ctx context.Context) error {
		return c.Subscribe(ctx, appID, callback, fields, verify)
	}); err != nil {
		return appTokenRefusal(err)
	}
	_, err = fmt.Fprintf(s.stdout, "Done: app %s receives %s at %s.\n", appID, strings.Join(fields, ", "), callback)
	return err
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

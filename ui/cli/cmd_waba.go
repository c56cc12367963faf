package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/ui/act"
)

func newWABACommand(a *app) *cobra.Command {
	return groupCommand("waba", "A customer WABA's webhooks", newWABASubscribeCommand(a))
}

func newWABASubscribeCommand(a *app) *cobra.Command {
	cmd := a.changeCommand(&cobra.Command{
		Use:   "subscribe WABA_ID",
		Short: "Subscribe our app to a customer WABA's webhooks",
		Long: "Reads GET /{waba-id}/subscribed_apps, and when our app is not among them, POSTs\n" +
			"/{waba-id}/subscribed_apps after confirmation (--yes in scripts), once, journaled.\n" +
			"The WABA's webhooks then go to the app's default callback (`mps webhook subscriptions`).",
	}, func(ctx context.Context, s *Session, args []string, yes bool) error {
		return s.subscribeWABA(ctx, args[0], yes)
	})
	return cmd
}

func (s *Session) subscribeWABA(ctx context.Context, wabaID string, yes bool) error {
	appID, err := s.requireAppID()
	if err != nil {
		return err
	}
	c, err := s.clientFor("WABA", wabaID)
	if err != nil {
		return err
	}
	apps, err := c.SubscribedApps(ctx, wabaID)
	if err != nil {
		return err
	}
	if graph.AppSubscribed(apps, appID) {
		_, err := fmt.Fprintf(s.stdout, "App %s is already subscribed to WABA %s's webhooks. Nothing was sent.\n", appID, wabaID)
		return err
	}
	f := newFields()
	f.add("Action", "Subscribe app "+appID+" to WABA "+wabaID+"'s webhooks")
	f.add("Now", fmt.Sprintf("%d other apps subscribed", len(apps)))
	f.add("Note", "The WABA's webhooks go to the app's default callback URL (`mps webhook subscriptions`).")
	if err := f.write(s.stdout); err != nil {
		return err
	}
	if err := s.confirmSend(ctx, yes, "subscribe the WABA", "Subscribe app "+appID+" to WABA "+wabaID+"?"); err != nil {
		return err
	}
	ch := act.Change{Action: "waba-subscribe", ObjectID: wabaID, StateBefore: "not subscribed"}
	if err := s.record(ctx, ch, func(ctx context.Context) error { return c.SubscribeWABA(ctx, wabaID) }); err != nil {
		return err
	}
	_, err = fmt.Fprintf(s.stdout, "Done: app %s receives WABA %s's webhooks.\n", appID, wabaID)
	return err
}

package graph

import (
	"context"
	"net/http"
)

// SubscribedApp is one app subscribed to a customer WABA's webhooks.
type SubscribedApp struct {
	App              App    `json:"whatsapp_business_api_data"`
	OverrideCallback string `json:"override_callback_uri,omitempty"`
}

// SubscribedApps reads GET /{waba-id}/subscribed_apps.
func (c *Client) SubscribedApps(ctx context.Context, wabaID string) ([]SubscribedApp, error) {
	return collect(edgePages[SubscribedApp](ctx, c, "WABA", wabaID, "subscribed_apps", nil, 0))
}

// SubscribeWABA is POST /{waba-id}/subscribed_apps: our app receives the
// WABA's webhooks at the app's default callback. Sent once, never retried.
func (c *Client) SubscribeWABA(ctx context.Context, wabaID string) error {
	if err := checkID("WABA", wabaID); err != nil {
		return err
	}
	r := request{method: http.MethodPost, segments: []string{wabaID, "subscribed_apps"}}
	return c.change(ctx, r, "subscribing our app to WABA "+wabaID, "mps onboarding", nil)
}

// AppSubscribed says whether appID is among a WABA's subscribed apps.
func AppSubscribed(apps []SubscribedApp, appID string) bool {
	for _, a := range apps {
		if a.App.ID == appID {
			return true
		}
	}
	return false
}

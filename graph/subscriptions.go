package graph

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// The webhook object and fields a Multi-Partner Solutions app needs (the
// guide's step 2).
const (
	WebhookObject          = "whatsapp_business_account"
	FieldAccountUpdate     = "account_update"
	FieldPartnerSolutions  = "partner_solutions"
	subscriptionFieldsList = "object,callback_url,active,fields"
)

// RequiredWebhookFields are the fields the app must be subscribed to.
func RequiredWebhookFields() []string { return []string{FieldAccountUpdate, FieldPartnerSolutions} }

// SubscriptionField is one field of an app subscription.
type SubscriptionField struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

// AppSubscription is one object the app receives webhooks for.
type AppSubscription struct {
	Object      string              `json:"object"`
	CallbackURL string              `json:"callback_url,omitempty"`
	Active      bool                `json:"active"`
	Fields      []SubscriptionField `json:"fields,omitempty"`
}

// FieldNames lists the subscription's field names.
func (s AppSubscription) FieldNames() []string {
	out := make([]string, 0, len(s.Fields))
	for _, f := range s.Fields {
		out = append(out, f.Name)
	}
	return out
}

// MissingFields are the required fields the subscription lacks.
func (s AppSubscription) MissingFields() []string {
	have := s.FieldNames()
	var out []string
	for _, f := range RequiredWebhookFields() {
		if !slices.Contains(have, f) {
			out = append(out, f)
		}
	}
	return out
}

// WABASubscription picks the whatsapp_business_account subscription out of
// the app's list.
func WABASubscription(subs []AppSubscription) (AppSubscription, bool) {
	for _, s := range subs {
		if s.Object == WebhookObject {
			return s, true
		}
	}
	return AppSubscription{}, false
}

// AppSubscriptions reads GET /{app-id}/subscriptions. It needs the app
// access token: call it on a client built WithAppAccessToken.
func (c *Client) AppSubscriptions(ctx context.Context, appID string) ([]AppSubscription, error) {
	return collect(edgePages[AppSubscription](ctx, c, "app", appID, "subscriptions", url.Values{"fields": {subscriptionFieldsList}}, 0))
}

// Subscribe is POST /{app-id}/subscriptions for the whatsapp_business_account
// object with the given fields. Meta calls callbackURL at once to verify it
// with verifyToken, so the receiver must already answer there. Sent once,
// never retried; it needs the app access token.
func (c *Client) Subscribe(ctx context.Context, appID, callbackURL string, fields []string, verifyToken string) error {
	if err := checkID("app", appID); err != nil {
		return err
	}
	form := url.Values{
		"object":       {WebhookObject},
		"callback_url": {callbackURL},
		"fields":       {strings.Join(fields, ",")},
		"verify_token": {verifyToken},
	}
	r := request{method: http.MethodPost, segments: []string{appID, "subscriptions"}, form: form}
	return c.change(ctx, r, "subscribing app "+appID+" to webhooks", "mps webhook subscriptions", nil)
}

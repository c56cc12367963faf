package graph_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
)

// appClient is a client of sb that sends the app access token, built from
// secret, with the extra options.
func appClient(t *testing.T, baseURL, secret string, extra ...graph.Option) *graph.Client {
	t.Helper()
	opts := append([]graph.Option{graph.WithAppAccessToken(sandbox.DemoAppID, func(context.Context) (string, error) { return secret, nil })}, extra...)
	return newClient(t, baseURL, "unused", opts...)
}

func TestAppAccessTokenGoesOnlyInTheAuthorizationHeader(t *testing.T) {
	sb, srv := sandboxtest.Start(t, sandbox.Options{WABAs: 4})
	var debug bytes.Buffer
	c := appClient(t, srv.URL, sandbox.DemoAppSecret, graph.WithDebugLog(&debug))
	ctx := context.Background()
	if _, err := c.AppSubscriptions(ctx, sandbox.DemoAppID); err != nil {
		t.Fatal(err)
	}
	// Refused (plain http): the error must not carry the secret either.
	err := c.Subscribe(ctx, sandbox.DemoAppID, "http://a.example/h", graph.RequiredWebhookFields(), "v")
	if err == nil {
		t.Fatal("a plain-http callback was accepted")
	}
	if strings.Contains(err.Error(), sandbox.DemoAppSecret) {
		t.Fatalf("error shows the app secret: %v", err)
	}
	if strings.Contains(debug.String(), sandbox.DemoAppSecret) || !strings.Contains(debug.String(), "/subscriptions") {
		t.Fatalf("debug log shows the secret, or not the calls:\n%s", debug.String())
	}
	reqs := sb.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for _, r := range reqs {
		if strings.Contains(r.Path+r.RawQuery+r.Body, sandbox.DemoAppSecret) {
			t.Fatalf("%s %s?%s carries the secret outside the header (body %q)", r.Method, r.Path, r.RawQuery, r.Body)
		}
		if got := r.Header.Get("Authorization"); got != "Bearer "+sb.AppAccessToken() {
			t.Fatalf("Authorization = %q", got)
		}
	}
}

func TestAppAccessTokenIsRedactedWhenGraphEchoesIt(t *testing.T) {
	const secret = "echoed-app-secret-value"
	c := handlerClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"error":{"message":"Bad token ` + strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") + `","type":"OAuthException","code":190}}`))
	}, graph.WithAppAccessToken(sandbox.DemoAppID, func(context.Context) (string, error) { return secret, nil }))
	_, err := c.AppSubscriptions(context.Background(), sandbox.DemoAppID)
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Fatalf("error %v shows the secret", err)
	}
}

func TestSubscriptionsRefuseAUserToken(t *testing.T) {
	_, c := sandboxClient(t, sandbox.Options{WABAs: 4})
	_, err := c.AppSubscriptions(context.Background(), sandbox.DemoAppID)
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Code != 15 {
		t.Fatalf("err = %v, want Graph's code 15", err)
	}
}

func TestSubscribeThenTheSubscriptionHasBothFields(t *testing.T) {
	sb, srv := sandboxtest.Start(t, sandbox.Options{WABAs: 4})
	c := appClient(t, srv.URL, sandbox.DemoAppSecret)
	ctx := context.Background()
	subs, err := c.AppSubscriptions(ctx, sandbox.DemoAppID)
	if err != nil {
		t.Fatal(err)
	}
	sub, ok := graph.WABASubscription(subs)
	if !ok || strings.Join(sub.MissingFields(), ",") != graph.FieldPartnerSolutions {
		t.Fatalf("seeded subscription %+v should lack only partner_solutions", sub)
	}
	if err := c.Subscribe(ctx, sandbox.DemoAppID, "https://example.com/hook", graph.RequiredWebhookFields(), "vt"); err != nil {
		t.Fatal(err)
	}
	subs, _ = c.AppSubscriptions(ctx, sandbox.DemoAppID)
	sub, _ = graph.WABASubscription(subs)
	if len(sub.MissingFields()) != 0 || sub.CallbackURL != "https://example.com/hook" || !sub.Active {
		t.Fatalf("after subscribing: %+v", sub)
	}
	if v := sb.Verifications(); len(v) != 1 || v[0].VerifyToken != "vt" {
		t.Fatalf("verifications = %+v", v)
	}
}

func TestSetupChangesAreSentOnceNeverRetried(t *testing.T) {
	sb, srv := sandboxtest.Start(t, sandbox.Options{WABAs: 4})
	ctx := context.Background()
	user := newClient(t, srv.URL, sb.Options().Token, graph.WithClock(graph.NewFakeClock()))
	app := appClient(t, srv.URL, sandbox.DemoAppSecret, graph.WithClock(graph.NewFakeClock()))
	calls := []struct {
		name, path string
		send       func() error
	}{
		{"subscribe", "/subscriptions", func() error {
			return app.Subscribe(ctx, sandbox.DemoAppID, "https://example.com/h", graph.RequiredWebhookFields(), "v")
		}},
		{"waba subscribe", "/subscribed_apps", func() error { return user.SubscribeWABA(ctx, "102290129340398") }},
		{"share", "/whatsapp_credit_sharing_and_attach", func() error {
			_, err := user.ShareCredit(ctx, sandbox.DemoCreditLineID, "102290129340411", "USD")
			return err
		}},
		{"revoke", "/8813500000000000", func() error { return user.RevokeAllocation(ctx, "8813500000000000") }},
	}
	for _, call := range calls {
		t.Run(call.name, func(t *testing.T) {
			sb.ResetRequests()
			sb.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, PathContains: call.path, Times: 1})
			err := call.send()
			if !graph.IsUnknownOutcome(err) {
				t.Fatalf("err = %v, want an unknown outcome", err)
			}
			if n := len(sb.Requests()); n != 1 {
				t.Fatalf("%d requests, want exactly 1", n)
			}
		})
	}
}

func TestCreditShareIsVerifiedByTheTwoReads(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: 12})
	ctx := context.Background()
	lines, err := c.CreditLines(ctx, sandbox.DemoBusinessID)
	if err != nil || len(lines) != 1 || lines[0].LegalEntityName == "" {
		t.Fatalf("lines %+v, %v", lines, err)
	}
	const fresh = "102290129340411" // ordinal 1: no share yet
	sb.ResetRequests()
	if _, err := c.ShareCredit(ctx, lines[0].ID, fresh, "CHF"); err == nil || !strings.Contains(err.Error(), "USD") {
		t.Fatalf("CHF: %v, want a refusal naming the currencies", err)
	}
	if n := len(sb.Requests()); n != 0 {
		t.Fatalf("an unknown currency sent %d requests", n)
	}
	share, err := c.ShareCredit(ctx, lines[0].ID, fresh, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	alloc, err := c.Allocation(ctx, share.AllocationConfigID)
	if err != nil {
		t.Fatal(err)
	}
	funding, err := c.PrimaryFunding(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if !graph.ShareVerified(*alloc, funding) {
		t.Fatalf("share %+v not verified by funding %q", alloc, funding)
	}
	_, err = c.ShareCredit(ctx, lines[0].ID, fresh, "USD")
	var ge *graph.Error
	if !errors.As(err, &ge) || graph.IsUnknownOutcome(err) || !strings.Contains(ge.Message, "already has a credit line") {
		t.Fatalf("second share: %v", err)
	}
	allocs, err := c.Allocations(ctx, lines[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := graph.ShareOf(allocs, funding); !ok || got.ID != share.AllocationConfigID {
		t.Fatalf("ShareOf = %+v, %v", got, ok)
	}
	if err := c.RevokeAllocation(ctx, share.AllocationConfigID); err != nil {
		t.Fatal(err)
	}
	allocs, _ = c.Allocations(ctx, lines[0].ID)
	if _, ok := graph.ShareOf(allocs, funding); ok {
		t.Fatal("a revoked share still verifies")
	}
}

func TestCreditLinesRefusedWithoutBusinessManagement(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: 4})
	sb.RemoveScope("business_management")
	_, err := c.CreditLines(context.Background(), sandbox.DemoBusinessID)
	if graph.ClassOf(err) != graph.ClassPermission || !strings.Contains(graph.Hint(err), "business_management") {
		t.Fatalf("err %v (hint %q), want a permission error naming business_management", err, graph.Hint(err))
	}
}

func TestWABASubscriptionRead(t *testing.T) {
	_, c := sandboxClient(t, sandbox.Options{WABAs: 8})
	ctx := context.Background()
	const unsubscribed = "102290129340437" // ordinal 3
	apps, err := c.SubscribedApps(ctx, unsubscribed)
	if err != nil || graph.AppSubscribed(apps, sandbox.DemoAppID) {
		t.Fatalf("seeded unsubscribed WABA: %+v, %v", apps, err)
	}
	if err := c.SubscribeWABA(ctx, unsubscribed); err != nil {
		t.Fatal(err)
	}
	apps, _ = c.SubscribedApps(ctx, unsubscribed)
	if !graph.AppSubscribed(apps, sandbox.DemoAppID) || apps[0].App.Name == "" {
		t.Fatalf("after subscribing: %+v", apps)
	}
}

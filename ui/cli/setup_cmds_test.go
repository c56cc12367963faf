package cli

import (
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
)

// setupHarness is a harness with the app secret and the verify token in
// the environment, as `mps webhook serve` needs them too.
func setupHarness(t *testing.T, opts sandbox.Options) *harness {
	t.Helper()
	h := newHarness(t, opts)
	h.env[store.EnvAppSecret] = sandbox.DemoAppSecret
	h.env[store.EnvVerifyToken] = "the-verify-token"
	return h
}

// noSecretShown fails when a run printed the app secret or sent it
// anywhere but the Authorization header.
func (h *harness) noSecretShown(r result) {
	h.t.Helper()
	if strings.Contains(r.stdout+r.stderr, sandbox.DemoAppSecret) {
		h.t.Fatalf("the app secret was printed:\n%s\n%s", r.stdout, r.stderr)
	}
	for _, req := range h.sandbox.Requests() {
		if strings.Contains(req.Path+req.RawQuery+req.Body, sandbox.DemoAppSecret) {
			h.t.Fatalf("the app secret left the header: %s %s?%s %s", req.Method, req.Path, req.RawQuery, req.Body)
		}
	}
}

func checkOf(t *testing.T, checks []graph.SetupCheck, name string) graph.SetupCheck {
	t.Helper()
	for _, c := range checks {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no check %q", name)
	return graph.SetupCheck{}
}

// The done-when, in one sandbox: the doctor fails one check and
// says how to fix it; subscribing fixes it.
func TestDoctorFailsOnTheSubscriptionUntilSubscribed(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 12})
	r := h.run("doctor")
	wantExit(t, r, ExitError, "doctor")
	h.noSecretShown(r)
	if !strings.Contains(r.stdout, "✗ fail  webhook subscription") || !strings.Contains(r.stdout, "mps webhook subscribe --callback-url") ||
		strings.Count(r.stdout, "✗ fail") != 1 {
		t.Fatalf("doctor should fail the subscription alone and say how to fix it:\n%s", r.stdout)
	}
	got := decodeJSON[doctorJSON](t, h.run("doctor", "--json").stdout)
	if got.Failed != 1 || checkOf(t, got.Checks, "webhook subscription").Status != graph.CheckFail {
		t.Fatalf("doctor --json: %+v", got)
	}
	r = h.mustRun("webhook", "subscribe", "--callback-url", "https://example.com/hook", "--yes")
	h.noSecretShown(r)
	if v := h.sandbox.Verifications(); len(v) != 1 || v[0].VerifyToken != "the-verify-token" || v[0].CallbackURL != "https://example.com/hook" {
		t.Fatalf("Meta's verification: %+v", v)
	}
	r = h.mustRun("doctor")
	if strings.Contains(r.stdout, "✗") || !strings.Contains(r.stdout, "https://example.com/hook") {
		t.Fatalf("after subscribing, doctor still fails:\n%s", r.stdout)
	}
}

func TestDemoDoctorFailsOneCheckWithItsFix(t *testing.T) {
	h := seededHarness(t)
	r := h.run("--demo", "doctor")
	wantExit(t, r, ExitError, "--demo", "doctor")
	if strings.Count(r.stdout, "✗ fail") != 1 || !strings.Contains(r.stdout, "lacks partner_solutions") || !strings.Contains(r.stdout, "→ Subscribe the app") {
		t.Fatalf("demo doctor:\n%s", r.stdout)
	}
	// A subscribe in the demo succeeds and says what changed; the next
	// run's doctor passes (TestDemoDoctorPassesInTheRunAfterTheSubscribe).
	r = h.mustRun("--demo", "webhook", "subscribe", "--callback-url", "https://example.com/hook", "--yes")
	if !strings.Contains(r.stdout, "Done:") || !strings.Contains(r.stdout, "partner_solutions") {
		t.Fatalf("demo subscribe:\n%s", r.stdout)
	}
}

func TestDoctorWithoutTheAppSecretSaysToStoreIt(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 4})
	r := h.run("doctor", "--json")
	wantExit(t, r, ExitError, "doctor", "--json")
	c := checkOf(t, decodeJSON[doctorJSON](t, r.stdout).Checks, "webhook subscription")
	if c.Status != graph.CheckFail || !strings.Contains(c.Fix, "app-secret") {
		t.Fatalf("subscription check without the app secret: %+v", c)
	}
	r = h.run("webhook", "subscriptions")
	wantExit(t, r, ExitError, "webhook", "subscriptions")
	if !strings.Contains(r.stderr, "mps secret set app-secret") || strings.Contains(r.stderr, "mps login") {
		t.Fatalf("without the app secret: %s", r.stderr)
	}
}

func TestDoctorWarnsOnAMissingScopeAndFailsOnIt(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 4})
	h.sandbox.RemoveScope("whatsapp_business_messaging")
	got := decodeJSON[doctorJSON](t, h.run("doctor", "--json").stdout)
	if c := checkOf(t, got.Checks, "token scopes"); c.Status != graph.CheckFail || !strings.Contains(c.Detail, "whatsapp_business_messaging") {
		t.Fatalf("scopes check: %+v", c)
	}
}

func TestWebhookSubscriptions(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 4})
	r := h.mustRun("webhook", "subscriptions")
	h.noSecretShown(r)
	if !strings.Contains(r.stdout, "whatsapp_business_account") || !strings.Contains(r.stdout, "mps webhook subscribe") {
		t.Fatalf("subscriptions:\n%s", r.stdout)
	}
	subs := decodeJSON[[]graph.AppSubscription](t, h.mustRun("webhook", "subscriptions", "--json").stdout)
	if len(subs) != 1 || subs[0].CallbackURL != sandbox.DemoCallbackURL || len(subs[0].MissingFields()) != 1 {
		t.Fatalf("--json: %+v", subs)
	}
	for _, req := range h.sandbox.Requests() {
		if got := req.Header.Get("Authorization"); got != "Bearer "+h.sandbox.AppAccessToken() {
			t.Fatalf("%s %s went with %q, not the app token", req.Method, req.Path, got)
		}
	}
}

func TestWebhookSubscribeRefusals(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 4})
	args := []string{"webhook", "subscribe", "--callback-url", "http://example.com/hook", "--yes"}
	wantExit(t, h.run(args...), ExitUsage, args...)
	args = []string{"webhook", "subscribe", "--callback-url", "https://example.com/hook"}
	r := h.run(args...)
	wantExit(t, r, ExitUsage, args...)
	if !strings.Contains(r.stdout, "mps webhook serve") || !strings.Contains(r.stdout, "account_update, partner_solutions") {
		t.Fatalf("the preview does not show the change and the receiver's part:\n%s", r.stdout)
	}
	h.terminal = true
	r = h.runWithInput("n\n", args...)
	wantExit(t, r, ExitUsage, args...)
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d POSTs after refusals, want 0", n)
	}
	delete(h.env, store.EnvVerifyToken)
	r = h.run("webhook", "subscribe", "--callback-url", "https://example.com/hook", "--yes")
	wantExit(t, r, ExitError)
	if !strings.Contains(r.stderr, "verify-token") || len(h.posts()) != 0 {
		t.Fatalf("without a verify token: %s", r.stderr)
	}
}

func TestWebhookSubscribeIsJournaled(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 4})
	h.terminal = true
	h.runWithInput("y\n", "webhook", "subscribe", "--callback-url", "https://example.com/hook")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs, want 1", n)
	}
	r := h.mustRun("journal")
	if !strings.Contains(r.stdout, "webhook-subscribe") {
		t.Fatalf("journal does not show the subscribe:\n%s", r.stdout)
	}
}

func TestAWrongAppSecretIsNotALoginProblem(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 4})
	h.env[store.EnvAppSecret] = "not-the-secret"
	r := h.run("webhook", "subscriptions")
	wantExit(t, r, ExitError, "webhook", "subscriptions")
	if !strings.Contains(r.stderr, "app secret") || strings.Contains(r.stderr, "mps login") || strings.Contains(r.stderr, "not-the-secret") {
		t.Fatalf("a wrong app secret: %s", r.stderr)
	}
}

func TestDebugLogNeverShowsTheAppToken(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 4})
	h.env["MPS_DEBUG"] = "api"
	r := h.mustRun("webhook", "subscribe", "--callback-url", "https://example.com/hook", "--yes")
	h.noSecretShown(r)
	if !strings.Contains(r.stderr, "/subscriptions") {
		t.Fatalf("MPS_DEBUG=api logged no subscription call:\n%s", r.stderr)
	}
}

func TestAChangeOfUnknownOutcomeIsNotResent(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, Method: "POST", PathContains: "/subscribed_apps", Times: 1})
	r := h.run("waba", "subscribe", wabaUnsubscribed, "--yes")
	wantExit(t, r, ExitError)
	if !strings.Contains(r.stderr, "outcome unknown") || !strings.Contains(r.stderr, "did not resend") || strings.Contains(r.stderr, "read the solution") {
		t.Fatalf("unknown outcome: %s", r.stderr)
	}
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs, want 1", n)
	}
	if j := h.mustRun("journal", "--json"); !strings.Contains(j.stdout, "unknown") {
		t.Fatalf("journal does not record the unknown outcome:\n%s", j.stdout)
	}
}

package graph_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"mps/graph"
)

func goodFacts(now time.Time) graph.DoctorFacts {
	return graph.DoctorFacts{
		Now:         now,
		Token:       &graph.TokenInfo{IsValid: true, Type: "SYSTEM_USER", Scopes: []string{"whatsapp_business_management", "whatsapp_business_messaging", "business_management", "manage_app_solution"}},
		CreditLines: true, APIVersion: "v25.0", VersionNote: "usable until 2028-07-29",
		Subscriptions: []graph.AppSubscription{{Object: graph.WebhookObject, CallbackURL: "https://h.example/", Active: true,
			Fields: []graph.SubscriptionField{{Name: "account_update"}, {Name: "partner_solutions"}}}},
		SubscribeCommand: "mps webhook subscribe --callback-url URL",
		LastWebhook:      now.Add(-time.Hour), ActiveSolutions: 2, Reconciled: true,
	}
}

func checkNamed(t *testing.T, checks []graph.SetupCheck, name string) graph.SetupCheck {
	t.Helper()
	for _, c := range checks {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no check %q in %+v", name, checks)
	return graph.SetupCheck{}
}

func TestDoctorChecks(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		change func(*graph.DoctorFacts)
		check  string
		want   graph.CheckStatus
		detail string // part of the detail
	}{
		{"all good", func(*graph.DoctorFacts) {}, "webhook subscription", graph.CheckPass, "https://h.example/"},
		{"user token", func(f *graph.DoctorFacts) { f.Token.Type = "USER" }, "token", graph.CheckWarn, "USER"},
		{"invalid token", func(f *graph.DoctorFacts) { f.Token.IsValid = false }, "token", graph.CheckFail, "not valid"},
		{"token unreadable", func(f *graph.DoctorFacts) { f.Token, f.TokenErr = nil, errors.New("refused") }, "token", graph.CheckFail, "refused"},
		{"expires soon", func(f *graph.DoctorFacts) { f.Token.ExpiresAt = now.Add(48 * time.Hour).Unix() }, "token expiry", graph.CheckWarn, "expires"},
		{"expired", func(f *graph.DoctorFacts) { f.Token.ExpiresAt = now.Add(-time.Hour).Unix() }, "token expiry", graph.CheckFail, "expired"},
		{"no business_management with credit lines", func(f *graph.DoctorFacts) { f.Token.Scopes = f.Token.Scopes[:2] }, "token scopes", graph.CheckFail, "business_management"},
		{"no business_management without credit lines", func(f *graph.DoctorFacts) { f.Token.Scopes, f.CreditLines = f.Token.Scopes[:2], false }, "token scopes", graph.CheckPass, ""},
		{"no manage_app_solution", func(f *graph.DoctorFacts) { f.Token.Scopes = f.Token.Scopes[:3] }, "manage_app_solution", graph.CheckWarn, "manage_app_solution"},
		{"old version", func(f *graph.DoctorFacts) { f.VersionWarn, f.NewerVersion = true, "v27.0" }, "API version", graph.CheckWarn, "v27.0 is out"},
		{"lacks partner_solutions", func(f *graph.DoctorFacts) { f.Subscriptions[0].Fields = f.Subscriptions[0].Fields[:1] }, "webhook subscription", graph.CheckFail, "partner_solutions"},
		{"inactive", func(f *graph.DoctorFacts) { f.Subscriptions[0].Active = false }, "webhook subscription", graph.CheckFail, "not active"},
		{"other object only", func(f *graph.DoctorFacts) { f.Subscriptions[0].Object = "page" }, "webhook subscription", graph.CheckFail, "not subscribed"},
		{"subscriptions unreadable", func(f *graph.DoctorFacts) { f.SubscribeErr = errors.New("no app secret") }, "webhook subscription", graph.CheckFail, "no app secret"},
		{"silent 8 days while active", func(f *graph.DoctorFacts) { f.LastWebhook = now.Add(-8 * 24 * time.Hour) }, "event log", graph.CheckWarn, "8 days ago"},
		{"silent 8 days, nothing active", func(f *graph.DoctorFacts) { f.LastWebhook, f.ActiveSolutions = now.Add(-8*24*time.Hour), 0 }, "event log", graph.CheckPass, "last webhook"},
		{"never a webhook while active", func(f *graph.DoctorFacts) { f.LastWebhook = time.Time{} }, "event log", graph.CheckWarn, "no webhook"},
		{"event log unreadable", func(f *graph.DoctorFacts) { f.EventLogErr = errors.New("disk on fire") }, "event log", graph.CheckWarn, "disk on fire"},
		{"reconcile differs", func(f *graph.DoctorFacts) { f.OnlyInAPI = 3 }, "onboarded customers", graph.CheckWarn, "3 listed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := goodFacts(now)
			tc.change(&f)
			c := checkNamed(t, graph.DoctorChecks(f), tc.check)
			if c.Status != tc.want || !strings.Contains(c.Detail, tc.detail) {
				t.Fatalf("%s = %s %q, want %s with %q", tc.check, c.Status, c.Detail, tc.want, tc.detail)
			}
			if c.Status != graph.CheckPass && c.Fix == "" {
				t.Fatalf("%s is %s without a fix", tc.check, c.Status)
			}
		})
	}
	if graph.AnyFailed(graph.DoctorChecks(goodFacts(now))) {
		t.Fatal("good facts fail a check")
	}
	f := goodFacts(now)
	f.EventLogErr = fmt.Errorf("opening it: %w", hintedError{"Give mps the role's password."})
	if c := checkNamed(t, graph.DoctorChecks(f), "event log"); c.Fix != "Give mps the role's password." {
		t.Errorf("event log fix %q; want the error's own hint", c.Fix)
	}
	f = goodFacts(now)
	f.Subscriptions[0].Fields = f.Subscriptions[0].Fields[:1]
	if c := checkNamed(t, graph.DoctorChecks(f), "webhook subscription"); !strings.Contains(c.Fix, f.SubscribeCommand) {
		t.Fatalf("fix %q does not name the command", c.Fix)
	}
}

func TestChecklistAndCreditApplies(t *testing.T) {
	const us, them = "1", "2"
	sol := func(ownerUs bool, messagingOwner bool) *graph.Solution {
		owner, partner := them, us
		if ownerUs {
			owner, partner = us, them
		}
		s := &graph.Solution{OwnerApp: &graph.App{ID: owner}, Partners: graph.PartnerRows{{PartnerApp: &graph.App{ID: partner}}}}
		if messagingOwner {
			s.OwnerPermissions = []string{"MESSAGING"}
		} else {
			s.Partners[0].PartnerPermissions = []string{"MESSAGING"}
		}
		return s
	}
	cases := []struct {
		name string
		sol  *graph.Solution
		want bool
	}{
		{"we own and hold messaging", sol(true, true), true},
		{"we own, partner holds messaging", sol(true, false), false},
		{"we are partner with messaging", sol(false, false), true},
		{"we are partner, owner holds messaging", sol(false, true), false},
		{"solution unknown", nil, true},
	}
	for _, tc := range cases {
		if got := graph.CreditApplies(tc.sol, us); got != tc.want {
			t.Errorf("%s: CreditApplies = %v, want %v", tc.name, got, tc.want)
		}
	}
	done := graph.Checklist{Listed: graph.MarkYes, Subscribed: graph.MarkYes, Credit: graph.MarkNotApplicable}
	if !done.Done() {
		t.Fatal("n/a credit should not hold the checklist open")
	}
	for _, open := range []graph.Checklist{
		{Listed: graph.MarkYes, Subscribed: graph.MarkNo, Credit: graph.MarkYes},
		{Listed: graph.MarkYes, Subscribed: graph.MarkYes, Credit: graph.MarkUnchecked},
		{Listed: graph.MarkNo, Subscribed: graph.MarkYes, Credit: graph.MarkYes},
	} {
		if open.Done() {
			t.Errorf("%+v counted as done", open)
		}
	}
}

func TestShareVerified(t *testing.T) {
	for _, body := range []string{`{"id":"9","receiving_credential":"77"}`, `{"id":"9","receiving_credential":{"id":"77"}}`} {
		var decoded graph.AllocationConfig
		if err := json.Unmarshal([]byte(body), &decoded); err != nil || decoded.CredentialID() != "77" {
			t.Fatalf("%s decoded as %+v (%v)", body, decoded, err)
		}
	}
	a := graph.AllocationConfig{ID: "9", ReceivingCredential: graph.NodeRef{ID: "77"}}
	cases := []struct {
		funding string
		status  string
		want    bool
	}{{"77", "ACTIVE", true}, {"78", "ACTIVE", false}, {"", "ACTIVE", false}, {"77", "DELETED", false}}
	for _, tc := range cases {
		a.RequestStatus = tc.status
		if got := graph.ShareVerified(a, tc.funding); got != tc.want {
			t.Errorf("funding %q status %s: %v, want %v", tc.funding, tc.status, got, tc.want)
		}
	}
}

// hintedError is an error that says what to do, as the command line's are.
type hintedError struct{ hint string }

func (e hintedError) Error() string { return "refused" }
func (e hintedError) Hint() string  { return e.hint }

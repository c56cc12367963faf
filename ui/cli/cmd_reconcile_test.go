package cli

import (
	"slices"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

func TestReconcileShowsBothDifferencesAndTheGauge(t *testing.T) {
	now := harnessNow()
	h := newHarness(t, sandbox.Options{WABAs: 4, Now: func() time.Time { return now.Add(-time.Hour) }})
	path := h.withStateDir()
	var active string
	for _, s := range h.sandbox.Solutions() {
		if s.Status == graph.StatusActive {
			active = s.ID
			break
		}
	}
	var payloads [][]byte
	h.sandbox.OnWebhook(func(p []byte) { payloads = append(payloads, p) })
	var onboarded []graph.WABA
	for range 3 {
		w, err := h.sandbox.OnboardCustomer(active)
		if err != nil {
			t.Fatal(err)
		}
		onboarded = append(onboarded, w)
	}
	stray := []byte(`{"object":"whatsapp_business_account","entry":[{"id":"` + sandbox.DemoBusinessID + `","time":1764000000,"changes":[{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"880000000000001","solution_id":"` + active + `"}}}]}]}`)
	storeDeliveries(t, path, now, payloads[0], payloads[2], stray) // payloads[1]'s webhook was missed

	got := decodeJSON[reconcileJSON](t, h.mustRun("reconcile", "--json").stdout)
	if got.Reported != 3 || got.Matched != 2 || got.Consistent {
		t.Fatalf("reported %d, matched %d, consistent %v; want 3, 2, false", got.Reported, got.Matched, got.Consistent)
	}
	if len(got.WebhookNotListed) != 1 || got.WebhookNotListed[0].WABAID != "880000000000001" {
		t.Fatalf("webhook seen but not listed = %+v", got.WebhookNotListed)
	}
	missing := map[string]bool{}
	for _, w := range got.OnboardedNoWebhook {
		missing[w.ID] = true
	}
	if !missing[onboarded[1].ID] || missing[onboarded[0].ID] || missing[onboarded[2].ID] || len(missing) != got.Listed-2 {
		t.Fatalf("onboarded but no webhook seen = %v; want every listed WABA but %s and %s", missing, onboarded[0].ID, onboarded[2].ID)
	}
	// The stray's entry is a year old: only the sandbox's two count this week.
	week := got.OnboardingWeek
	if week.Limit != 200 || week.Total != 2 || week.Level != "ok" || len(week.PerSolution) != 1 ||
		week.PerSolution[0] != (solutionCountJSON{SolutionID: active, Count: 2, Level: "ok"}) {
		t.Fatalf("onboarding gauge %+v, want 2 of 200 for solution %s", week, active)
	}

	records := readCSV(t, h.mustRun("reconcile", "--csv").stdout)
	wantHeader(t, records, "FINDING", "WABA ID", "NAME", "SOLUTION", "FIRST REPORTED")
	var wantRows [][]string
	for _, w := range got.OnboardedNoWebhook {
		wantRows = append(wantRows, []string{"onboarded_no_webhook", w.ID, w.Name, "", ""})
	}
	notListed := got.WebhookNotListed[0]
	wantRows = append(wantRows, []string{"webhook_not_listed", notListed.WABAID, "", active, notListed.FirstReported.In(time.Local).Format("2006-01-02 15:04")})
	if !slices.EqualFunc(records[1:], wantRows, slices.Equal) {
		t.Errorf("reconcile --csv rows = %q, want %q", records[1:], wantRows)
	}

	table := h.mustRun("reconcile").stdout
	for _, want := range []string{"Onboarded but no webhook seen", "Webhook seen but not listed", onboarded[1].ID, "880000000000001", "of 200"} {
		if !strings.Contains(table, want) {
			t.Errorf("reconcile table lacks %q:\n%s", want, table)
		}
	}
}

func TestReconcileWithoutALogListsEveryCustomerAsUnreported(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 3})
	h.withStateDir()
	got := decodeJSON[reconcileJSON](t, h.mustRun("reconcile", "--json").stdout)
	if got.Reported != 0 || got.Listed == 0 || len(got.OnboardedNoWebhook) != got.Listed || got.WebhookNotListed == nil {
		t.Fatalf("reconcile with no log: %+v", got)
	}
	wantExit(t, h.run("reconcile", "--partner", "abc"), ExitUsage, "reconcile --partner abc")
	delete(h.env, "MPS_BUSINESS_ID")
	wantExit(t, h.run("reconcile"), ExitUsage, "reconcile without a business ID")
}

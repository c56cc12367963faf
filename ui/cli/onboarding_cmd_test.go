package cli

import (
	"net/http"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// The checklist reads each check at most once per WABA: for 200 customers,
// at most one subscribed_apps and one primary_funding_id read each, and a
// few list reads besides.
func TestOnboardingReadsEachCheckOncePerWABA(t *testing.T) {
	const customers = 200
	h := newHarness(t, sandbox.Options{WABAs: customers})
	rows := decodeJSON[[]onboardingJSON](t, h.mustRun("onboarding", "--json").stdout)
	if len(rows) != customers {
		t.Fatalf("%d rows, want %d", len(rows), customers)
	}
	perCheck := map[string]int{}
	other := 0
	for _, r := range h.sandbox.Requests() {
		if r.Method != http.MethodGet {
			t.Fatalf("the checklist sent %s %s", r.Method, r.Path)
		}
		switch {
		case strings.HasSuffix(r.Path, "/subscribed_apps"):
			perCheck["subscribed "+r.Path]++
		case strings.Contains(r.RawQuery, "primary_funding_id"):
			perCheck["funding "+r.Path]++
		default:
			other++
		}
	}
	for key, n := range perCheck {
		if n > 1 {
			t.Fatalf("%s read %d times", key, n)
		}
	}
	if len(perCheck) > 2*customers || other > 12 {
		t.Fatalf("%d per-WABA reads and %d others for %d customers", len(perCheck), other, customers)
	}
	t.Logf("%d customers: %d per-WABA reads, %d list reads", customers, len(perCheck), other)
	states := map[graph.Checklist]bool{}
	for _, r := range rows {
		states[graph.Checklist{Listed: r.Listed, Subscribed: r.Subscribed, Credit: r.Credit}] = true
		if r.CheckedAt == nil || !r.CheckedAt.Equal(harnessNow()) {
			t.Fatalf("row %+v: checked_at is not the run's clock", r)
		}
		if r.Done != r.Checklist.Done() || (!r.Done && r.Fix == "") {
			t.Fatalf("row %+v: done or fix wrong", r)
		}
	}
	for _, want := range []graph.Checklist{
		{Listed: graph.MarkYes, Subscribed: graph.MarkYes, Credit: graph.MarkYes},
		{Listed: graph.MarkYes, Subscribed: graph.MarkYes, Credit: graph.MarkNo},
		{Listed: graph.MarkYes, Subscribed: graph.MarkNo, Credit: graph.MarkYes},
		{Listed: graph.MarkYes, Subscribed: graph.MarkNo, Credit: graph.MarkNo},
	} {
		if !states[want] {
			t.Errorf("no customer in state %+v", want)
		}
	}
}

func TestDemoOnboardingShowsEveryState(t *testing.T) {
	h := seededHarness(t)
	rows := decodeJSON[[]onboardingJSON](t, h.mustRun("--demo", "onboarding", "--json").stdout)
	seen := map[graph.Mark]bool{}
	for _, r := range rows {
		seen[r.Credit] = true
		seen["subscribed "+r.Subscribed] = true
	}
	for _, want := range []graph.Mark{graph.MarkYes, graph.MarkNo, graph.MarkNotApplicable, "subscribed " + graph.MarkYes, "subscribed " + graph.MarkNo} {
		if !seen[want] {
			t.Errorf("the demo has no customer with %q", want)
		}
	}
	// The seed's customer that a webhook reported and the API does not
	// list: newest first, Listed ✗, nothing read, reconcile to see why.
	sb, history := demoHistory(t)
	reported := reportedOnly(t, sb, history)
	if len(rows) != sb.WABACount()+1 || rows[0].WABAID != reported.WABAID {
		t.Fatalf("%d rows, the first %+v; want the %d listed and first the reported-only %s", len(rows), rows[0], sb.WABACount(), reported.WABAID)
	}
	if r := rows[0]; r.Listed != graph.MarkNo || r.Subscribed != graph.MarkUnchecked || r.Credit != graph.MarkUnchecked ||
		r.CheckedAt != nil || r.Fix != "mps reconcile" || r.SolutionID != reported.SolutionID || r.Done {
		t.Errorf("the reported-only customer's checklist %+v", r)
	}
	for _, r := range rows[1:] {
		if r.Listed != graph.MarkYes {
			t.Errorf("customer %s is not listed, but only %s should be", r.WABAID, reported.WABAID)
		}
	}
	table := h.mustRun("--demo", "onboarding").stdout
	if line := strings.SplitN(table, "\n", 3)[1]; !strings.Contains(line, reported.WABAID) || !strings.Contains(line, notListedName) || !strings.Contains(line, "✗") {
		t.Errorf("the table's first row %q, want %s %s with ✗", line, reported.WABAID, notListedName)
	}
	const solution = "17602267748700"
	only := decodeJSON[[]onboardingJSON](t, h.mustRun("--demo", "onboarding", "--solution", solution, "--json").stdout)
	if len(only) == 0 || len(only) >= len(rows) {
		t.Fatalf("--solution kept %d of %d", len(only), len(rows))
	}
	for _, r := range only {
		if r.SolutionID != solution {
			t.Fatalf("--solution %s kept %+v", solution, r)
		}
	}
	csv := h.mustRun("--demo", "onboarding", "--csv").stdout
	if !strings.HasPrefix(csv, "WABA ID,NAME,SOLUTION,LISTED,SUBSCRIBED,CREDIT,NEXT") {
		t.Fatalf("csv header: %.80s", csv)
	}
	wantExit(t, h.run("--demo", "onboarding", "--json", "--csv"), ExitUsage)
	wantExit(t, h.run("--demo", "onboarding", "--solution", "x1"), ExitUsage)
}

// The demo's fix for a ✗ credit line turns it ✓, in one sandbox.
func TestShareTurnsTheChecklistCreditItemGreen(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	find := func() onboardingJSON {
		for _, r := range decodeJSON[[]onboardingJSON](t, h.mustRun("onboarding", "--json").stdout) {
			if r.WABAID == wabaNotShared {
				return r
			}
		}
		t.Fatalf("no row for %s", wabaNotShared)
		return onboardingJSON{}
	}
	if r := find(); r.Credit != graph.MarkNo || !strings.Contains(r.Fix, "mps credit share") {
		t.Fatalf("before: %+v", r)
	}
	h.mustRun("credit", "share", wabaNotShared, "--currency", "USD", "--yes")
	if r := find(); r.Credit != graph.MarkYes {
		t.Fatalf("after sharing: %+v", r)
	}
}

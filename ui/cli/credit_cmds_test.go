package cli

import (
	"net/http"
	"strings"
	"testing"

	"mps/graph/sandbox"
)

// Seeded customers by ordinal (graph/sandbox/setup.go): 0 shared and
// verified, 1 not shared, 2 shared but billed elsewhere, 3 not subscribed.
const (
	wabaVerified     = "102290129340398"
	wabaNotShared    = "102290129340411"
	wabaBilledElse   = "102290129340424"
	wabaUnsubscribed = "102290129340437"
)

func TestWABASubscribe(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	args := []string{"waba", "subscribe", wabaUnsubscribed}
	wantExit(t, h.run(args...), ExitUsage, args...) // no terminal, no --yes
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d POSTs without confirmation", n)
	}
	r := h.mustRun(append(args, "--yes")...)
	if !strings.Contains(r.stdout, "Done:") || len(h.posts()) != 1 {
		t.Fatalf("subscribe: %s (%d POSTs)", r.stdout, len(h.posts()))
	}
	r = h.mustRun(append(args, "--yes")...)
	if !strings.Contains(r.stdout, "already subscribed") || len(h.posts()) != 1 {
		t.Fatalf("a second subscribe sent again: %s", r.stdout)
	}
	if j := h.mustRun("journal"); !strings.Contains(j.stdout, "waba-subscribe") {
		t.Fatalf("journal:\n%s", j.stdout)
	}
	wantExit(t, h.run("waba", "subscribe", "12ab", "--yes"), ExitUsage)
}

func TestCreditLinesAndStatus(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	lines := decodeJSON[[]map[string]string](t, h.mustRun("credit", "lines", "--json").stdout)
	if len(lines) != 1 || lines[0]["id"] != sandbox.DemoCreditLineID {
		t.Fatalf("lines: %v", lines)
	}
	for waba, want := range map[string]bool{wabaVerified: true, wabaNotShared: false, wabaBilledElse: false} {
		st := decodeJSON[creditStatusJSON](t, h.mustRun("credit", "status", waba, "--json").stdout)
		if st.Verified != want {
			t.Errorf("status of %s: %+v, want verified %v", waba, st, want)
		}
	}
}

func TestCreditShareConfirmsVerifiesAndJournals(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	args := []string{"credit", "share", wabaNotShared, "--currency", "EUR"}
	r := h.run(args...)
	wantExit(t, r, ExitUsage, args...)
	if !strings.Contains(r.stdout, "cannot be changed") || len(h.posts()) != 0 {
		t.Fatalf("preview without the warning, or sent: %s", r.stdout)
	}
	got := decodeJSON[creditShareJSON](t, h.mustRun(append(args, "--yes", "--json")...).stdout)
	if !got.Verified || got.AllocationConfigID == "" || got.Currency != "EUR" {
		t.Fatalf("share: %+v", got)
	}
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs, want 1", n)
	}
	st := decodeJSON[creditStatusJSON](t, h.mustRun("credit", "status", wabaNotShared, "--json").stdout)
	if !st.Verified || st.AllocationConfigID != got.AllocationConfigID {
		t.Fatalf("status after share: %+v", st)
	}
	if j := h.mustRun("journal"); !strings.Contains(j.stdout, "credit-share") {
		t.Fatalf("journal:\n%s", j.stdout)
	}
}

func TestCreditShareRefusals(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	r := h.run("credit", "share", wabaNotShared, "--currency", "CHF", "--yes")
	wantExit(t, r, ExitUsage)
	if !strings.Contains(r.stderr, "USD") || len(h.sandbox.Requests()) != 0 {
		t.Fatalf("an unknown currency: %s (%d requests)", r.stderr, len(h.sandbox.Requests()))
	}
	r = h.run("credit", "share", wabaVerified, "--currency", "USD", "--yes")
	wantExit(t, r, ExitUsage)
	if !strings.Contains(r.stderr, "cannot be changed") || len(h.posts()) != 0 {
		t.Fatalf("an already verified WABA: %s", r.stderr)
	}
	// Shared, billed elsewhere: Graph refuses, since a credit line is attached.
	r = h.run("credit", "share", wabaBilledElse, "--currency", "USD", "--yes")
	wantExit(t, r, ExitError)
	if !strings.Contains(r.stderr, "already has a credit line attached") || len(h.posts()) != 1 {
		t.Fatalf("an attached WABA: %s", r.stderr)
	}
}

func TestCreditCommandsSayWhenBusinessManagementIsMissing(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	h.sandbox.RemoveScope("business_management")
	for _, args := range [][]string{
		{"credit", "lines"},
		{"credit", "status", wabaVerified},
		{"credit", "share", wabaNotShared, "--currency", "USD", "--credit-line", sandbox.DemoCreditLineID, "--yes"},
		{"credit", "revoke", "8813500000000000", "--yes"},
	} {
		r := h.run(args...)
		wantExit(t, r, ExitError, args...)
		if !strings.Contains(r.stderr, "lacks the business_management permission") {
			t.Fatalf("mps %v: %s", args, r.stderr)
		}
	}
	// Only the share reached Graph (which refused it); the others stopped at their reads.
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs after refusals, want the share's 1", n)
	}
}

func TestCreditRevoke(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 8})
	const share = "8813500000000000" // ordinal 0's seeded share
	args := []string{"credit", "revoke", share}
	r := h.run(args...)
	wantExit(t, r, ExitUsage, args...)
	if !strings.Contains(r.stdout, "all of business") {
		t.Fatalf("the preview does not say it applies to the whole business:\n%s", r.stdout)
	}
	h.mustRun(append(args, "--yes")...)
	deletes := 0
	for _, req := range h.sandbox.Requests() {
		if req.Method == http.MethodDelete {
			deletes++
		}
	}
	if deletes != 1 {
		t.Fatalf("%d DELETEs, want 1", deletes)
	}
	if st := decodeJSON[creditStatusJSON](t, h.mustRun("credit", "status", wabaVerified, "--json").stdout); st.Verified {
		t.Fatalf("still verified after revoke: %+v", st)
	}
	wantExit(t, h.run(append(args, "--yes")...), ExitUsage)
	if j := h.mustRun("journal"); !strings.Contains(j.stdout, "credit-revoke") {
		t.Fatalf("journal:\n%s", j.stdout)
	}
}

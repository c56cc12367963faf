package cli

import (
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
)

func TestEventsWithoutALog(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	path := h.withStateDir()
	r := h.mustRun("events")
	if !strings.Contains(r.stdout, "No events yet") || !strings.Contains(r.stdout, path) {
		t.Fatalf("events with no log: %q", r.stdout)
	}
	if got := strings.TrimSpace(h.mustRun("events", "--json").stdout); got != "[]" {
		t.Fatalf("events --json with no log = %s, want []", got)
	}
}

func TestEventsListsAndFilters(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	path := h.withStateDir()
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) // the harness's clock
	storeDeliveries(t, path, now.Add(-3*24*time.Hour), guideWebhook(t, "guide_partner_solutions_created.json"))
	storeDeliveries(t, path, now.Add(-2*time.Hour),
		guideWebhook(t, "guide_account_update_partner_added.json"),
		guideWebhook(t, "unknown_field_and_event.json"))
	storeDeliveries(t, path, now.Add(-time.Hour), guideWebhook(t, "guide_account_update_partner_added.json")) // redelivered

	all := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout)
	if len(all) != 5 {
		t.Fatalf("events --json: %d objects, want 5 (the redelivery stored once)", len(all))
	}
	added := all[1]
	if added.Event != "PARTNER_ADDED" || added.WABAID != "102290129340398" || added.SolutionID != "303610109049230" ||
		added.OwnerBusinessID != "6143763655652543" || len(added.BusinessIDs) != 2 || added.EntryTime == nil ||
		!added.EntryTime.Equal(time.Unix(1690592557, 0)) || !strings.Contains(string(added.Raw), `"waba_info"`) {
		t.Fatalf("PARTNER_ADDED object: %+v", added)
	}
	if all[2].Understood || all[2].Field != "message_template_status_update" || !strings.Contains(string(all[2].Raw), "message_template_name") {
		t.Fatalf("unknown change: %+v", all[2])
	}

	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--field", "partner_solutions"}, 2},
		{[]string{"--event", "PARTNER_ADDED"}, 1},
		{[]string{"--since", "1d"}, 4},
		{[]string{"--since", "90m"}, 0},
		{[]string{"--since", "7d", "--field", "account_update"}, 2},
	}
	for _, tt := range tests {
		args := append([]string{"events", "--json"}, tt.args...)
		if got := decodeJSON[[]eventJSON](t, h.mustRun(args...).stdout); len(got) != tt.want {
			t.Errorf("mps %v: %d events, want %d", args, len(got), tt.want)
		}
	}
	table := h.mustRun("events", "--field", "account_update").stdout
	if !strings.Contains(table, "account_update/PARTNER_ADDED") || !strings.Contains(table, "account_update/ACCOUNT_VIOLATION (stored raw)") {
		t.Fatalf("table:\n%s", table)
	}
}

func TestEventsRefusesBadSince(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.withStateDir()
	for _, v := range []string{"soon", "-5m", "0s", "xd", "0d"} {
		r := h.run("events", "--since", v)
		wantExit(t, r, ExitUsage, "events --since "+v)
		if !strings.Contains(r.stderr, "--since") {
			t.Errorf("--since %s: %s", v, r.stderr)
		}
	}
}

func TestEventsFiltersIgnoreCaseAndRefuseUnknownNames(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	path := h.withStateDir()
	storeDeliveries(t, path, harnessNow().Add(-time.Hour),
		guideWebhook(t, "guide_partner_solutions_created.json"),
		guideWebhook(t, "guide_account_update_partner_added.json"))
	for _, args := range [][]string{{"--event", "partner_added"}, {"--event", "Partner_Added", "--field", "ACCOUNT_UPDATE"}} {
		all := append([]string{"events", "--json"}, args...)
		got := decodeJSON[[]eventJSON](t, h.mustRun(all...).stdout)
		if len(got) != 1 || got[0].Event != "PARTNER_ADDED" {
			t.Errorf("mps %v: %+v, want the one PARTNER_ADDED", all, got)
		}
	}
	for flagName, choice := range map[string]string{"--field": "partner_solutions, account_update", "--event": "SOLUTION_CREATED, SOLUTION_UPDATED, PARTNER_ADDED"} {
		r := h.run("events", flagName, "nonsense")
		wantExit(t, r, ExitUsage, "events", flagName, "nonsense")
		if !strings.Contains(r.stderr, "nonsense") || !strings.Contains(r.stderr, choice) {
			t.Errorf("events %s nonsense: %s", flagName, r.stderr)
		}
	}
}

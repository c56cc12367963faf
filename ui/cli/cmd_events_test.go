package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/webhook/webhooktest"
	"mps/store"
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
	storeDeliveries(t, path, now.Add(-3*24*time.Hour), webhooktest.Payload(t, "guide_partner_solutions_created.json"))
	storeDeliveries(t, path, now.Add(-2*time.Hour),
		webhooktest.Payload(t, "guide_account_update_partner_added.json"),
		webhooktest.Payload(t, "unknown_field_and_event.json"))
	storeDeliveries(t, path, now.Add(-time.Hour), webhooktest.Payload(t, "guide_account_update_partner_added.json")) // redelivered

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
		webhooktest.Payload(t, "guide_partner_solutions_created.json"),
		webhooktest.Payload(t, "guide_account_update_partner_added.json"))
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

// events and reconcile read a log they may not write (a teammate's, or a
// read-only disk): they open it read-only. store/eventlog's own test reads
// it as another user, which this one cannot do when the tests run as root.
func TestEventsAndReconcileReadALogTheyMayNotWrite(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	path := h.withStateDir()
	storeDeliveries(t, path, harnessNow().Add(-time.Hour), webhooktest.Payload(t, "guide_account_update_partner_added.json"))
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(p, 0o444); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout); len(got) != 1 {
		t.Errorf("events on a read-only log: %d events, want 1", len(got))
	}
	if r := h.mustRun("reconcile"); !strings.Contains(r.stdout, "102290129340398") {
		t.Errorf("reconcile on a read-only log does not name the webhook's WABA:\n%s", r.stdout)
	}
}

// A broken log or a state directory that cannot be made is this machine's
// problem: the message names the file or directory and what to do, and
// never blames Graph.
func TestEventLogErrorsStayLocal(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	path := h.withStateDir()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Repeat("not an SQLite database ", 10)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"events"}, {"reconcile"}, {"customers", "--solution", "17602267748700"}} {
		r := h.run(args...)
		wantExit(t, r, ExitError, args...)
		if !strings.Contains(r.stderr, path) || !strings.Contains(r.stderr, "move it aside") || strings.Contains(r.stderr, "Graph") {
			t.Errorf("mps %v on a broken log:\n%s", args, r.stderr)
		}
	}

	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	h.env["XDG_STATE_HOME"] = filepath.Join(notADir, "state")
	h.env[store.EnvAppSecret], h.env[store.EnvVerifyToken] = hookSecret, hookVerify
	r := h.run("webhook", "serve", "--addr", "127.0.0.1:0")
	wantExit(t, r, ExitError, "webhook serve")
	if !strings.Contains(r.stderr, "Set XDG_STATE_HOME to a directory you may write") || strings.Contains(r.stderr, "Graph") {
		t.Errorf("webhook serve with a state directory it cannot make:\n%s", r.stderr)
	}
}

package cli

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"mps/store"
	"mps/store/storetest"
)

// The README's grants, exactly: the tests run mps as roles holding these
// and nothing more.
var (
	receiverGrants  = []string{"SELECT ON mps_schema", "SELECT, INSERT ON events"}
	dashboardGrants = []string{"SELECT ON mps_schema", "SELECT ON events", "SELECT, INSERT, UPDATE ON entries"}
)

// rolesHarness is a migrated database with an event in it, and URLs for a
// receiver's role and a dashboard's.
func rolesHarness(t *testing.T) (h pgHarness, receiver, dashboard string) {
	t.Helper()
	h = newPGHarness(t)
	h.mustRun("store", "migrate") // as the database's owner
	return h, storetest.PostgresRole(t, h.url, receiverGrants...), storetest.PostgresRole(t, h.url, dashboardGrants...)
}

func TestReceiverRoleStoresWebhooksAndNothingElse(t *testing.T) {
	h, receiver, _ := rolesHarness(t)
	h.env[store.EnvStore] = receiver
	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0")
	hook := recv.url(t)
	for _, n := range []int{1, 2, 1} {
		if code := deliver(t, hook, n); code != http.StatusOK {
			t.Fatalf("delivery %d as the receiver's role: %d", n, code)
		}
	}
	recv.stop(t)
	if got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout); len(got) != 2 {
		t.Fatalf("events as the receiver's role: %d, want 2", len(got))
	}
	r := h.run("journal")
	wantExit(t, r, ExitError, "journal as the receiver's role")
	if !strings.Contains(r.stderr, "entries") || !strings.Contains(r.stderr, "gives the GRANTs") {
		t.Errorf("journal as the receiver's role does not say what it may not read, and what to do:\n%s", r.stderr)
	}
	pending := incoming(h.harness)
	r = h.run("accept", pending, "--yes")
	wantExit(t, r, ExitError, "accept as the receiver's role")
	if sent := postsOn(h.harness, pending); len(sent) > 0 || !strings.Contains(r.stderr, "nothing was sent") || !strings.Contains(r.stderr, "gives the GRANTs") {
		t.Fatalf("an action the journal could not record: sent %v\n%s", sent, r.stderr)
	}
}

func TestDashboardRoleReadsEventsAndJournalsActionsButStoresNoWebhook(t *testing.T) {
	h, receiver, dashboard := rolesHarness(t)
	h.env[store.EnvStore] = receiver
	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0")
	if code := deliver(t, recv.url(t), 1); code != http.StatusOK {
		t.Fatalf("delivery as the receiver's role: %d", code)
	}
	recv.stop(t)

	h.env[store.EnvStore] = dashboard
	if got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout); len(got) != 1 {
		t.Fatalf("events as the dashboard's role: %d, want 1", len(got))
	}
	h.mustRun("reconcile")
	h.mustRun("accept", incoming(h.harness), "--yes")
	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json").stdout); len(got) != 1 || got[0].Outcome != "done" {
		t.Fatalf("journal as the dashboard's role: %+v", got)
	}

	recv = h.start("webhook", "serve", "--addr", "127.0.0.1:0")
	if code := deliver(t, recv.url(t), 2); code != http.StatusServiceUnavailable {
		t.Fatalf("a delivery the dashboard's role may not insert: %d, want 503", code)
	}
	recv.stop(t)
	if got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout); len(got) != 1 {
		t.Fatalf("after the refused delivery: %d events, want still 1", len(got))
	}
	if r := h.run("store", "migrate"); r.code != ExitOK {
		t.Fatalf("store migrate as the dashboard's role, with nothing to do: exit %d\n%s", r.code, r.stderr)
	}
	// A schema behind (as after an upgrade of mps) is the owner's to migrate.
	adminExec(t, h.url, "UPDATE mps_schema SET version = version - 1 WHERE name = 'journal'")
	r := h.run("store", "migrate")
	wantExit(t, r, ExitError, "store migrate as the dashboard's role, with a migration to run")
	if !strings.Contains(r.stderr, "owner") {
		t.Errorf("the refusal does not say who may migrate:\n%s", r.stderr)
	}
}

// adminExec runs stmt on the database at url as its URL's role.
func adminExec(t *testing.T, url, stmt string) {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(t.Context())
	if _, err := conn.Exec(t.Context(), stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

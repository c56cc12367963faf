package cli

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store"
	"mps/store/journal"
	"mps/store/postgres"
	"mps/store/storetest"
)

// pgHarness is a harness whose store is a fresh database of the test
// server (MPS_STORE), with the receiver's secrets in its environment;
// stateDir is the profile's state directory, which stays empty.
type pgHarness struct {
	*harness
	url      string
	stateDir string
}

func newPGHarness(t *testing.T) pgHarness {
	t.Helper()
	url := storetest.Postgres(t)
	h := newHarness(t, sandbox.Options{WABAs: -1})
	stateDir := filepath.Dir(h.withStateDir())
	h.env[store.EnvStore] = url
	h.env[store.EnvAppSecret] = hookSecret
	h.env[store.EnvVerifyToken] = hookVerify
	return pgHarness{harness: h, url: url, stateDir: stateDir}
}

// deliver posts webhooktest.Onboarding(n), signed, and returns the status.
func deliver(t *testing.T, url string, n int) int {
	t.Helper()
	body := webhooktest.Onboarding(n)
	return postSigned(t, url, body, webhook.Sign(body, hookSecret))
}

func TestStoreOnPostgresReceivesListsAndJournals(t *testing.T) {
	h := newPGHarness(t)
	r := h.mustRun("store", "migrate")
	if !strings.Contains(r.stdout, "version 0 → ") || !strings.Contains(r.stdout, postgres.Redact(h.url)) {
		t.Fatalf("store migrate:\n%s", r.stdout)
	}
	again := decodeJSON[storeMigrateJSON](t, h.mustRun("store", "migrate", "--json").stdout)
	if again.Store != postgres.Redact(h.url) {
		t.Fatalf("store migrate --json: %+v", again)
	}

	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0")
	hook := recv.url(t)
	for n := range 3 {
		if code := deliver(t, hook, n); code != http.StatusOK {
			t.Fatalf("delivery %d: %d", n, code)
		}
	}
	if code := deliver(t, hook, 0); code != http.StatusOK {
		t.Fatalf("redelivery: %d", code)
	}
	recv.stop(t)
	if !strings.Contains(recv.stdout.String(), "Storing events in "+postgres.Redact(h.url)) {
		t.Errorf("the receiver does not say where it stores:\n%s", recv.stdout)
	}
	if got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout); len(got) != 3 {
		t.Fatalf("events on PostgreSQL: %d, want 3 (the redelivery once)", len(got))
	}
	h.mustRun("accept", incoming(h.harness), "--yes")
	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json").stdout); len(got) != 1 || got[0].Outcome != "done" {
		t.Fatalf("journal on PostgreSQL: %+v", got)
	}
	if entries, _ := os.ReadDir(h.stateDir); len(entries) > 0 {
		t.Errorf("with a PostgreSQL store, the state directory got files: %v", entries)
	}
}

func TestStoreCopyMovesAHistoryOnce(t *testing.T) {
	h := newPGHarness(t)
	local := t.TempDir()
	storeDeliveries(t, filepath.Join(local, "events.db"), harnessNow().Add(-time.Hour), webhooktest.Onboarding(1), webhooktest.Onboarding(2), webhooktest.Onboarding(3))
	h.mustRun("--store", local, "accept", incoming(h.harness), "--yes")

	r := h.mustRun("store", "copy", "--from", local)
	if !strings.Contains(r.stdout, "Copied 3 events and 1 journal entry from "+local+" to "+postgres.Redact(h.url)) {
		t.Fatalf("first copy:\n%s", r.stdout)
	}
	r = h.mustRun("store", "copy", "--from", local, "--to", h.url)
	if !strings.Contains(r.stdout, "Copied nothing") {
		t.Fatalf("second copy:\n%s", r.stdout)
	}
	if got := decodeJSON[storeCopyJSON](t, h.mustRun("store", "copy", "--from", local, "--json").stdout); got.EventsCopied != 0 || got.JournalCopied != 0 {
		t.Fatalf("third copy --json: %+v", got)
	}
	if got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout); len(got) != 3 {
		t.Fatalf("events after the copy: %d, want 3", len(got))
	}
	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json").stdout); len(got) != 1 || got[0].Action != "accept" {
		t.Fatalf("journal after the copy: %+v", got)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"store", "copy", "--from", t.TempDir()}, "holds neither events.db nor journal.db"},
		{[]string{"store", "copy", "--from", h.url}, "--from is a URL"},
		{[]string{"store", "copy", "--from", local, "--to", t.TempDir()}, "is not a postgres:// URL"},
		{[]string{"--store", local, "store", "copy"}, "needs --to"},
	} {
		r := h.run(c.args...)
		wantExit(t, r, ExitUsage, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("mps %v: %s", c.args, r.stderr)
		}
	}
}

// closedPort is a loopback port nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// A store that cannot be reached: every command that needs it exits 1,
// names the host and says what to do; the store password, though looked
// up, is in no output and no debug line.
func TestUnreachableStoreNamesTheHost(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.withStateDir()
	const password = "pw-that-must-not-show-9f3"
	if err := h.keyring.Set(store.Service, store.StorePassword.Account(store.DefaultProfile), password); err != nil {
		t.Fatal(err)
	}
	addr := closedPort(t)
	pending := incoming(h)
	debugFile := filepath.Join(t.TempDir(), "debug.log")
	h.env[store.EnvStore] = "postgres://mps@" + addr + "/mps?sslmode=disable"
	h.env["MPS_DEBUG"], h.env[envDebugFile] = "api", debugFile
	h.env[store.EnvAppSecret], h.env[store.EnvVerifyToken] = hookSecret, hookVerify
	for _, args := range [][]string{
		{"events"}, {"journal"}, {"reconcile"}, {"onboarding"}, {"doctor"}, {"customers", "--solution", "303610109049230"},
		{"store", "migrate"}, {"webhook", "serve", "--addr", "127.0.0.1:0"}, {"accept", pending, "--yes"},
	} {
		r := h.run(args...)
		if args[0] == "doctor" {
			// The doctor reports the store as a failed check, and goes on.
			if r.code != ExitError || !strings.Contains(r.stdout, addr) {
				t.Errorf("mps doctor with the store down: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		} else {
			wantExit(t, r, ExitError, args...)
			if !strings.Contains(r.stderr, "the shared store at "+addr+" is unreachable") || !strings.Contains(r.stderr, "Check that the database server is running") {
				t.Errorf("mps %v with the store down:\n%s", args, r.stderr)
			}
		}
		if strings.Contains(r.stdout+r.stderr, password) {
			t.Fatalf("mps %v printed the store password:\n%s%s", args, r.stdout, r.stderr)
		}
	}
	if sent := postsOn(h, pending); len(sent) > 0 {
		t.Errorf("an action was sent though the journal could not record it: %v", sent)
	}
	if b, _ := os.ReadFile(debugFile); strings.Contains(string(b), password) {
		t.Fatalf("the debug log holds the store password:\n%s", b)
	}
}

// The database goes away under a running receiver: every delivery it
// could not commit is answered 503, none 200, and once the database is
// back the redelivery is stored.
func TestReceiverAnswers503WhileTheDatabaseIsDown(t *testing.T) {
	h := newPGHarness(t)
	proxy, viaProxy := storetest.PostgresProxy(t, h.url)
	h.env[store.EnvStore] = viaProxy
	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0")
	hook := recv.url(t)
	if code := deliver(t, hook, 1); code != http.StatusOK {
		t.Fatalf("delivery with the database up: %d", code)
	}
	proxy.Stop()
	for n := 2; n <= 4; n++ {
		if code := deliver(t, hook, n); code != http.StatusServiceUnavailable {
			t.Fatalf("delivery %d with the database down: %d, want 503", n, code)
		}
	}
	proxy.Start()
	deadline := time.Now().Add(20 * time.Second)
	for code := deliver(t, hook, 2); code != http.StatusOK; code = deliver(t, hook, 2) {
		if time.Now().After(deadline) {
			t.Fatalf("the receiver did not recover once the database was back: %d", code)
		}
		time.Sleep(100 * time.Millisecond)
	}
	recv.stop(t)
	h.env[store.EnvStore] = h.url
	got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout)
	stored := map[string]bool{}
	for _, e := range got {
		stored[e.WABAID] = true
	}
	if len(got) != 2 || !stored["500000001"] || !stored["500000002"] {
		t.Fatalf("stored %+v, want the two deliveries answered 200 and only those", got)
	}
	if !strings.Contains(recv.stderr.String(), "not stored; Meta will redeliver") {
		t.Errorf("the receiver's log does not say the deliveries were not stored:\n%s", recv.stderr)
	}
}

// On a shared journal an action begun moments ago may be a teammate's,
// still under way on another machine: a run completes only those left in
// flight for longer than any run takes.
func TestSharedJournalLeavesATeammatesActionInFlight(t *testing.T) {
	h := newPGHarness(t)
	j, err := journal.OpenPostgres(t.Context(), h.url, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	stale, fresh := incoming(h.harness), incoming(h.harness)
	for _, e := range []journal.Entry{
		{Started: harnessNow().Add(-time.Hour), Action: "accept", ObjectID: stale, StateBefore: "Pending"},
		{Started: harnessNow().Add(-5 * time.Second), Action: "accept", ObjectID: fresh, StateBefore: "Pending"},
	} {
		if _, err := j.Begin(t.Context(), e); err != nil {
			t.Fatal(err)
		}
	}
	r := h.mustRun("solutions")
	if !strings.Contains(r.stderr, stale) || strings.Contains(r.stderr, fresh) {
		t.Fatalf("completed at start (stderr):\n%s", r.stderr)
	}
	left, err := j.InFlight(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left[0].ObjectID != fresh {
		t.Fatalf("in flight after the run: %+v, want the teammate's fresh one only", left)
	}
	if sent := append(postsOn(h.harness, stale), postsOn(h.harness, fresh)...); len(sent) > 0 {
		t.Fatalf("completing sent %v", sent)
	}
}

// postsOn are the POSTs the sandbox received on object id's paths (a
// solution's actions), not the reads sent as POSTs (debug_token).
func postsOn(h *harness, id string) []string {
	var paths []string
	for _, p := range h.posts() {
		if strings.Contains(p.Path, id) {
			paths = append(paths, p.Path)
		}
	}
	return paths
}

// A store role the server asks for a password: with none, and then with a
// wrong one in the keyring, a command says which it is and how to give
// it, and exits 1; once `mps secret set store-password` has the right one,
// the commands log in. No output ever holds a password.
func TestStorePasswordFromTheKeyringLogsIn(t *testing.T) {
	h := newPGHarness(t)
	h.mustRun("store", "migrate") // as the database's owner
	roleURL, password := storetest.PostgresPasswordRole(t, h.url,
		"SELECT ON events, mps_schema", "SELECT, INSERT, UPDATE ON entries")
	h.env[store.EnvStore] = roleURL
	const wrong = "not the password"
	steps := []struct {
		name    string
		keyring string // what `mps secret set store-password` stores first; "" for nothing
		code    int
		says    []string // what `mps events` says
	}{
		{"no password", "", ExitError, []string{"asks role", "for a password, and none was found", "mps secret set store-password"}},
		{"a wrong one", wrong, ExitError, []string{"refused the password of role", "from the keyring", "Check the password in the keyring"}},
		{"the right one", password, ExitOK, []string{"No events"}},
	}
	// The doctor's event log check, and the start's look at the journal,
	// say the same and what to do.
	r := h.run("doctor")
	if !strings.Contains(r.stdout, "→ Give mps the role's password") || !strings.Contains(r.stderr, "warning: the shared store") ||
		!strings.Contains(r.stderr, "mps secret set store-password") {
		t.Errorf("doctor without the store password:\n%s%s", r.stdout, r.stderr)
	}
	for _, step := range steps {
		if step.keyring != "" {
			wantExit(t, h.runWithInput(step.keyring+"\n", "secret", "set", "store-password", "--with-value"), ExitOK, "secret set store-password")
		}
		for _, args := range [][]string{{"events"}, {"journal"}} {
			r := h.run(args...)
			what := args[0] + " with " + step.name
			wantExit(t, r, step.code, what)
			for _, want := range step.says {
				if args[0] == "events" && !strings.Contains(r.stdout+r.stderr, want) {
					t.Errorf("%s: lacks %q:\n%s%s", what, want, r.stdout, r.stderr)
				}
			}
			if strings.Contains(r.stdout+r.stderr, password) || strings.Contains(r.stdout+r.stderr, wrong) {
				t.Errorf("%s printed a password:\n%s%s", what, r.stdout, r.stderr)
			}
		}
	}
}

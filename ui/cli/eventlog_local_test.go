package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/store"
)

// events and reconcile read a log they may not write (a teammate's, or a
// read-only disk): they open it read-only. store/eventlog's own test reads
// it as another user, which this one cannot do when the tests run as root.
func TestEventsAndReconcileReadALogTheyMayNotWrite(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	path := h.withStateDir()
	storeDeliveries(t, path, harnessNow().Add(-time.Hour), guideWebhook(t, "guide_account_update_partner_added.json"))
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

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
	"mps/store/eventlog"
	"mps/store/journal"
)

// The store setting's SQLite side: a directory holding both files, chosen
// by --store, MPS_STORE or the profile, and the state directory otherwise.
func TestStoreDirectoryHoldsTheEventLogAndTheJournal(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	stateLog := h.withStateDir()
	team := filepath.Join(t.TempDir(), "team")
	storeDeliveries(t, filepath.Join(team, eventlog.FileName), harnessNow().Add(-time.Hour), webhooktest.Payload(t, "guide_account_update_partner_added.json"))

	if got := decodeJSON[[]eventJSON](t, h.mustRun("--store", team, "events", "--json").stdout); len(got) != 1 || got[0].Event != "PARTNER_ADDED" {
		t.Fatalf("events --store %s: %+v, want the one event stored there", team, got)
	}
	h.mustRun("--store", team, "accept", incoming(h), "--yes")
	if _, err := os.Stat(filepath.Join(team, journal.FileName)); err != nil {
		t.Fatalf("the action was not journaled in the store's directory: %v", err)
	}
	if r := h.mustRun("events"); !strings.Contains(r.stdout, "No events yet") || !strings.Contains(r.stdout, stateLog) {
		t.Fatalf("events without a store setting reads the state directory's log:\n%s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(stateLog), journal.FileName)); err == nil {
		t.Fatalf("the action with --store was journaled in the state directory too")
	}

	h.env[store.EnvStore] = team
	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json").stdout); len(got) != 1 || got[0].Action != "accept" {
		t.Fatalf("journal with %s=%s: %+v", store.EnvStore, team, got)
	}
	delete(h.env, store.EnvStore)
	r := h.mustRun("profile", "set", "--store", team+"/")
	if !strings.Contains(r.stdout, "store "+team) {
		t.Errorf("profile set --store says: %s", r.stdout)
	}
	if got := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout); len(got) != 1 {
		t.Fatalf("events with the profile's store: %d events, want 1", len(got))
	}
	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.Store != team || !strings.HasPrefix(show.Sources.Store, "profile ") {
		t.Errorf("profile show: store %q from %q", show.Store, show.Sources.Store)
	}
	other := t.TempDir()
	if show := decodeJSON[profileOut](t, h.mustRun("--store", other, "profile", "show", "--json").stdout); show.Store != other || show.Sources.Store != "--store" {
		t.Errorf("the flag does not win over the profile: %q from %q", show.Store, show.Sources.Store)
	}
	h.mustRun("profile", "unset", "store")
	if show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout); show.Store != filepath.Dir(stateLog) || show.Sources.Store != "default" {
		t.Errorf("after unset: store %q from %q, want the state directory", show.Store, show.Sources.Store)
	}
}

func TestStoreSettingMistakes(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.withStateDir()
	file := filepath.Join(t.TempDir(), "events.db")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r := h.run("--store", file, "events")
	wantExit(t, r, ExitUsage, "events --store FILE")
	if !strings.Contains(r.stderr, "is a file, not a directory") || !strings.Contains(r.stderr, filepath.Dir(file)) {
		t.Errorf("--store naming a file: %s", r.stderr)
	}
	r = h.run("--store", "relative/dir", "events")
	wantExit(t, r, ExitUsage, "events --store relative/dir")
	if !strings.Contains(r.stderr, "--store") || !strings.Contains(r.stderr, "relative path") {
		t.Errorf("a relative --store: %s", r.stderr)
	}
	const password = "s3cret-in-the-url"
	for _, args := range [][]string{
		{"--store", "postgres://mps:" + password + "@db.example/mps", "events"},
		{"profile", "set", "--store", "postgres://mps:" + password + "@db.example/mps"},
	} {
		r := h.run(args...)
		wantExit(t, r, ExitUsage, args...)
		if strings.Contains(r.stdout+r.stderr, password) || !strings.Contains(r.stderr, "mps secret set store-password") {
			t.Errorf("mps %v: %s", args, r.stderr)
		}
	}
	if cfg, err := os.ReadFile(store.ConfigPath(h.configDir)); err == nil && strings.Contains(string(cfg), password) {
		t.Fatalf("the config file holds the password:\n%s", cfg)
	}
}

// --demo never touches a store: given one on its command line it says
// so (as gh refuses flags that contradict each other); MPS_STORE, which a
// team sets once in its shell, is ignored, as the demo ignores the rest of
// the environment.
func TestDemoAndTheStoreSetting(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	dir := filepath.Join(t.TempDir(), "never-made")
	r := h.run("--demo", "--store", dir, "events")
	wantExit(t, r, ExitUsage, "--demo --store")
	if !strings.Contains(r.stderr, "--demo and --store cannot be used together") || !strings.Contains(r.stderr, "Leave out --store") {
		t.Errorf("--demo --store: %s", r.stderr)
	}
	h.env[store.EnvStore] = dir
	if got := decodeJSON[[]eventJSON](t, h.mustRun("--demo", "events", "--json").stdout); len(got) == 0 {
		t.Errorf("--demo with %s set lists no demo events", store.EnvStore)
	}
	h.mustRun("--demo", "accept", "17602267745700", "--yes") // a demo solution awaiting our answer
	if _, err := os.Stat(dir); err == nil {
		t.Fatalf("--demo with %s made %s", store.EnvStore, dir)
	}
}

func TestStorePasswordStaysInTheKeyring(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	const password = "correct horse battery"
	r := h.runWithInput(password+"\n", "secret", "set", "store-password", "--with-value")
	wantExit(t, r, ExitOK, "secret set store-password")
	if got, err := h.keyring.Get(store.Service, store.StorePassword.Account(store.DefaultProfile)); err != nil || got != password {
		t.Fatalf("keyring entry: %q, %v", got, err)
	}
	status := h.mustRun("secret", "status")
	if !strings.Contains(status.stdout, "Store password") || strings.Contains(status.stdout, password) {
		t.Fatalf("secret status:\n%s", status.stdout)
	}
	if strings.Contains(r.stdout+r.stderr, password) {
		t.Fatalf("secret set printed the password: %s %s", r.stdout, r.stderr)
	}
	h.mustRun("secret", "delete", "store-password")
	if s := h.mustRun("secret", "status").stdout; !strings.Contains(s, "PGPASSWORD") {
		t.Errorf("with no store password, status does not say what else gives one:\n%s", s)
	}
}

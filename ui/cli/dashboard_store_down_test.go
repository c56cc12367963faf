package cli

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/store"
	"mps/store/journal"
	"mps/store/postgres"
	"mps/store/storetest"
	"mps/ui"
)

// The dashboard starts while its shared store is down: it gets a journal
// that records nothing meanwhile (so no action is sent) and says the
// store is unreachable, naming the host; once the server is back the same
// journal works and follows, with no restart. A command on that store
// still exits 1 naming the host.
func TestDashboardStartsWhileTheSharedStoreIsDown(t *testing.T) {
	db := storetest.Postgres(t)
	proxy, viaProxy := storetest.PostgresProxy(t, db)
	u, err := url.Parse(viaProxy)
	if err != nil {
		t.Fatal(err)
	}
	host := u.Host // the proxy's 127.0.0.1:PORT
	h := newHarness(t, sandbox.Options{})
	h.terminal = true
	h.env["XDG_STATE_HOME"] = t.TempDir()
	h.env[store.EnvStore] = viaProxy
	proxy.Stop()

	started := false
	h.tui = func(ctx context.Context, cfg ui.Config) error {
		started = true
		wantDown := func(what string, err error) {
			t.Helper()
			var down *postgres.UnreachableError
			if !errors.As(err, &down) || down.Host != host {
				t.Errorf("%s with the store down: %v; want it unreachable at %s", what, err, host)
			}
		}
		_, err := cfg.Journal.Begin(ctx, journal.Entry{Started: time.Now(), Action: "accept", ObjectID: "1"})
		wantDown("recording an action", err)
		_, err = cfg.EventLog.Open(ctx)
		wantDown("opening the event log", err)
		follower, ok := cfg.Journal.(journal.Follower)
		if !ok {
			t.Fatalf("the dashboard's journal %T does not follow", cfg.Journal)
		}
		changes, err := follower.Follow(ctx)
		if err != nil {
			t.Fatalf("Follow with the store down: %v; want a channel that says so", err)
		}
		wantDown("the journal's follower", nextChange(t, changes).Lost)

		proxy.Start()
		if c := nextChange(t, changes); c != (journal.Change{}) {
			t.Errorf("once the store is back the follower says %+v; want Change{} (read again)", c)
		}
		id, err := cfg.Journal.Begin(ctx, journal.Entry{Started: time.Now(), Action: "accept", ObjectID: "2"})
		if err != nil {
			t.Fatalf("recording an action once the store is back: %v", err)
		}
		if c := nextChange(t, changes); c.ID != id || c.Origin != cfg.Journal.Origin() {
			t.Errorf("the action was told as %+v; want entry %d of this dashboard's origin", c, id)
		}
		l, err := cfg.EventLog.Open(ctx)
		if err != nil {
			t.Fatalf("opening the event log once the store is back: %v", err)
		}
		return l.Close()
	}
	h.mustRun()
	if !started {
		t.Fatal("the dashboard did not start")
	}

	proxy.Stop()
	r := h.run("journal")
	wantExit(t, r, ExitError, "journal")
	if !strings.Contains(r.stderr, "the shared store at "+host+" is unreachable") {
		t.Errorf("mps journal with the store down:\n%s", r.stderr)
	}
}

// nextChange is the follower's next word, failing the test after a while.
func nextChange(t *testing.T, ch <-chan journal.Change) journal.Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("the journal's follower closed")
		}
		return c
	case <-time.After(20 * time.Second):
		t.Fatal("the journal's follower said nothing in 20s")
	}
	return journal.Change{}
}

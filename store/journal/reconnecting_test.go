package journal

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"mps/store/postgres"
	"mps/store/storetest"
)

// openReconnecting opens a Reconnecting journal at url for the rest of
// the test.
func openReconnecting(t *testing.T, url string) *Reconnecting {
	t.Helper()
	return storetest.Stores[*Reconnecting]{OpenPostgres: OpenPostgresReconnecting}.At(t, url)
}

func wantUnreachable(t *testing.T, what string, err error) {
	t.Helper()
	var down *postgres.UnreachableError
	if !errors.As(err, &down) || !strings.HasPrefix(down.Host, "127.0.0.1:") {
		t.Fatalf("%s: %v; want an UnreachableError naming 127.0.0.1:PORT", what, err)
	}
}

func reject(objectID string) Entry {
	return Entry{Started: time.Now(), User: "ana@example.com", Action: "reject", ObjectID: objectID}
}

// A journal opened while its server is down is there all the same: it
// records nothing and says the server is unreachable, its follower says
// so too; once the server is back it opens by itself, its follower says
// to read again and tells of changes, and its entries bear the origin it
// had from the start.
func TestAJournalOpenedWhileItsServerIsDownOpensOnceItIsBack(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.Postgres(t)
	proxy, viaProxy := storetest.PostgresProxy(t, url)
	proxy.Stop()
	r := openReconnecting(t, viaProxy)
	origin := r.Origin()
	ch, err := r.Follow(ctx)
	if err != nil || ch == nil {
		t.Fatalf("Follow with the server down = %v, %v; want a channel", ch, err)
	}
	c := nextChange(t, ch)
	if c.ID != 0 {
		t.Fatalf("the first change with the server down is %+v; want word of the loss", c)
	}
	wantUnreachable(t, "the follower's word", c.Lost)
	_, err = r.Begin(ctx, reject("1"))
	wantUnreachable(t, "Begin with the server down", err)
	_, err = r.List(ctx, Query{})
	wantUnreachable(t, "List with the server down", err)

	proxy.Start()
	if c := nextChange(t, ch); c != (Change{}) {
		t.Fatalf("once the server is back the follower says %+v; want Change{} (read again)", c)
	}
	theirs := journals().At(t, url)
	id, err := theirs.Begin(ctx, reject("2"))
	if err != nil {
		t.Fatal(err)
	}
	if c := nextChange(t, ch); c != (Change{ID: id, Origin: theirs.Origin(), Outcome: InFlight}) {
		t.Fatalf("a teammate's Begin was told as %+v", c)
	}
	mine, err := r.Begin(ctx, reject("3"))
	if err != nil {
		t.Fatal(err)
	}
	if c := nextChange(t, ch); c.ID != mine || c.Origin != origin {
		t.Fatalf("my own Begin was told as %+v; want entry %d of origin %s", c, mine, origin)
	}
	if e, err := r.Get(ctx, mine); err != nil || e.Origin != origin || r.Origin() != origin {
		t.Fatalf("Get(%d) = %+v, %v; want origin %s, the one from before it opened", mine, e, err, origin)
	}
	if got, err := r.List(ctx, Query{}); err != nil || len(got) != 2 {
		t.Fatalf("List = %d entries, %v; want 2", len(got), err)
	}
}

// Uses at once while the server is down all fail, and all succeed once
// it is back, on one store.
func TestUsesAtOnceShareTheOpening(t *testing.T) {
	url := storetest.Postgres(t)
	proxy, viaProxy := storetest.PostgresProxy(t, url)
	proxy.Stop()
	r := openReconnecting(t, viaProxy)
	const uses = 8
	at := func() []error {
		errs := make([]error, uses)
		var wg sync.WaitGroup
		for i := range uses {
			wg.Go(func() { _, errs[i] = r.InFlight(context.Background()) })
		}
		wg.Wait()
		return errs
	}
	for i, err := range at() {
		wantUnreachable(t, fmt.Sprintf("use %d", i), err)
	}
	proxy.Start()
	for _, err := range at() {
		if err != nil {
			t.Fatalf("with the server back: %v", err)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.List(context.Background(), Query{}); !errors.Is(err, errClosed) {
		t.Fatalf("List after Close = %v; want it closed", err)
	}
}

// What is not the server being away stays an error: the dashboard does
// not start on a URL that holds a password.
func TestAReconnectingJournalRefusesWhatIsNotAnOutage(t *testing.T) {
	_, err := OpenPostgresReconnecting(context.Background(), "postgres://mps:secret@127.0.0.1:1/mps", postgres.Options{})
	if !errors.Is(err, postgres.ErrPasswordInURL) {
		t.Fatalf("a password in the URL gave %v; want ErrPasswordInURL", err)
	}
}

// An idle follower is told at once when its connection is cut, and again
// when it is back, before the changes after it.
func TestAFollowerIsToldOfTheLossWhileIdle(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.Postgres(t)
	proxy, viaProxy := storetest.PostgresProxy(t, url)
	ch, err := journals().At(t, viaProxy).Follow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	proxy.Stop()
	c := nextChange(t, ch)
	if c.ID != 0 {
		t.Fatalf("after the cut: %+v; want word of the loss", c)
	}
	wantUnreachable(t, "the loss", c.Lost)
	proxy.Start()
	if c := nextChange(t, ch); c != (Change{}) {
		t.Fatalf("once back: %+v; want Change{}", c)
	}
	theirs := journals().At(t, url)
	id, err := theirs.Begin(ctx, reject("4"))
	if err != nil {
		t.Fatal(err)
	}
	if c := nextChange(t, ch); c.ID != id {
		t.Fatalf("after the reconnection: %+v; want entry %d", c, id)
	}
}

package eventlog

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"mps/store/postgres"
	"mps/store/storetest"
)

func TestFollowTellsOfAnotherWritersCommits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.Postgres(t)
	reader, writer := logs().At(t, url), logs().At(t, url)
	ch, err := reader.Follow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, key := range []string{"k1", "k2"} {
		if _, err := writer.Append(ctx, []Event{partnerAdded(key, "1", "9", t0())}); err != nil {
			t.Fatal(err)
		}
		storetest.Receive(t, ch, "after commit "+key)
		if got, err := reader.List(ctx, Query{}); err != nil || len(got) != i+1 {
			t.Fatalf("after the signal, List = %d events, %v; want %d", len(got), err, i+1)
		}
	}
	cancel()
	for range ch { // drains what may be buffered, then sees it closed
	}
}

func TestFollowOnSQLiteIsNil(t *testing.T) {
	ch, err := logs().Temp(t).Follow(context.Background())
	if ch != nil || err != nil {
		t.Fatalf("Follow on SQLite = %v, %v; want nil, nil (the caller polls)", ch, err)
	}
}

// A server that goes away mid-use makes reads fail with an UnreachableError
// that names it; Follow reconnects by itself once it is back, says so with
// a signal, and goes on telling of commits.
func TestAServerGoneAwayIsUnreachableAndFollowReconnects(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.Postgres(t)
	proxy, viaProxy := storetest.PostgresProxy(t, url)
	reader, writer := logs().At(t, viaProxy), logs().At(t, url)
	ch, err := reader.Follow(ctx)
	if err != nil {
		t.Fatal(err)
	}

	proxy.Stop()
	_, err = reader.List(ctx, Query{})
	var unreachable *postgres.UnreachableError
	if !errors.As(err, &unreachable) || !strings.Contains(err.Error(), unreachable.Host) || !strings.HasPrefix(unreachable.Host, "127.0.0.1:") {
		t.Fatalf("List with the server gone = %v; want an UnreachableError naming 127.0.0.1:PORT", err)
	}
	_, err = reader.Append(ctx, []Event{partnerAdded("lost", "1", "9", t0())})
	if !errors.As(err, &unreachable) {
		t.Fatalf("Append with the server gone = %v; want an UnreachableError", err)
	}

	proxy.Start()
	storetest.Receive(t, ch, "after the server came back")
	if _, err := writer.Append(ctx, []Event{partnerAdded("k1", "1", "9", t0())}); err != nil {
		t.Fatal(err)
	}
	storetest.Receive(t, ch, "after a commit once reconnected")
	if got, err := reader.List(ctx, Query{}); err != nil || len(got) != 1 {
		t.Fatalf("after reconnecting, List = %d events, %v; want 1", len(got), err)
	}
}

func TestFollowClosesWhenItsContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ch, err := logs().At(t, storetest.Postgres(t)).Follow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case _, ok := <-ch:
		if ok {
			t.Fatal("a signal with no commit")
		}
	case <-time.After(storetest.Patience):
		t.Fatal("the channel did not close after its context ended")
	}
}

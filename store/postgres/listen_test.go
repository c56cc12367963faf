package postgres_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"mps/store/postgres"
	"mps/store/storetest"
)

// listenEvent is what a Listener was told: a payload, "lost" with its
// error, "reconnected" or "stopped".
type listenEvent struct {
	what string
	err  error
}

// listening LISTENs on channel of d, and returns what its Listener is told.
func listening(t *testing.T, ctx context.Context, d *postgres.DB, channel string) <-chan listenEvent {
	t.Helper()
	got := make(chan listenEvent, 16)
	err := d.Listen(ctx, postgres.Listener{
		Channel:     channel,
		Notify:      func(payload string) { got <- listenEvent{what: payload} },
		Lost:        func(err error) { got <- listenEvent{what: "lost", err: err} },
		Reconnected: func() { got <- listenEvent{what: "reconnected"} },
		Stopped:     func() { got <- listenEvent{what: "stopped"} },
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func nextEvent(t *testing.T, ch <-chan listenEvent, want string) listenEvent {
	t.Helper()
	e := storetest.Receive(t, ch, "the listener, awaiting "+strconv.Quote(want))
	if e.what != want {
		t.Fatalf("the listener was told %q (%v), want %q", e.what, e.err, want)
	}
	return e
}

func notify(t *testing.T, d *postgres.DB, channel, payload string) {
	t.Helper()
	if _, err := d.SQL.Exec("SELECT pg_notify($1, $2)", channel, payload); err != nil {
		t.Fatal(err)
	}
}

// A LISTEN connection that is cut is told at once, though nothing was
// being read: an UnreachableError naming the host; the pool's idle
// connections, dead too, are let go. Once the server is back the listener
// reconnects by itself, says so, and is told again.
func TestAListenerIsToldOfTheLossAndOfTheReconnection(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.Postgres(t)
	proxy, viaProxy := storetest.PostgresProxy(t, url)
	direct, through := openCounting(t, url), openCounting(t, viaProxy)
	got := listening(t, ctx, through, "mps_test")
	notify(t, direct, "mps_test", "before")
	nextEvent(t, got, "before")
	notify(t, through, "mps_test", "idle") // leaves a connection idle in the pool
	nextEvent(t, got, "idle")
	if idle := through.SQL.Stats().Idle; idle == 0 {
		t.Fatal("no idle connection in the pool")
	}

	proxy.Stop()
	lost := nextEvent(t, got, "lost")
	// Those died with the server: a read after it is back would fail on one.
	if idle := through.SQL.Stats().Idle; idle != 0 {
		t.Errorf("after the loss the pool keeps %d idle connections", idle)
	}
	var down *postgres.UnreachableError
	if !errors.As(lost.err, &down) || !strings.HasPrefix(down.Host, "127.0.0.1:") || !strings.Contains(lost.err.Error(), down.Host) {
		t.Fatalf("the loss was told as %v; want an UnreachableError naming 127.0.0.1:PORT", lost.err)
	}
	select {
	case e := <-got:
		t.Fatalf("with the server still away, the listener was told %q", e.what)
	case <-time.After(300 * time.Millisecond): // a few reconnection attempts
	}

	proxy.Start()
	nextEvent(t, got, "reconnected")
	notify(t, through, "mps_test", "after") // the first read after the outage works
	nextEvent(t, got, "after")
	cancel()
	nextEvent(t, got, "stopped")
}

// The end of ctx is no loss: the listener is told it stopped, and nothing
// else.
func TestAListenerEndingIsNoLoss(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	got := listening(t, ctx, openCounting(t, storetest.Postgres(t)), "mps_test")
	cancel()
	nextEvent(t, got, "stopped")
}

package ui

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

// demoLatency is added to every sandbox call so loading states are real.
const demoLatency = 120 * time.Millisecond

// RunDemo runs the app against the in-process sandbox on loopback, with its
// seeded data and a small latency. It needs no token and no network.
// refresh is how often the solution list reloads by itself (0: never);
// variants switch the sandbox to what Graph may do differently.
func RunDemo(ctx context.Context, refresh time.Duration, variants sandbox.Variants) error {
	sb := sandbox.New(sandbox.Options{Latency: demoLatency})
	variants.Apply(sb)
	hooks, err := startDemoWebhooks(ctx, sb)
	if err != nil {
		return err
	}
	defer hooks.stop()
	hooks.replayHistory(sb)
	events := eventsWiring(EventsConfig{Log: hooks.log})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("demo: cannot listen on loopback: %w", err)
	}
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()

	client, err := graph.New(
		graph.WithBaseURL("http://"+ln.Addr().String()),
		graph.WithTokenSource(func(context.Context) (string, error) { return sandbox.DemoToken, nil }),
	)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	err = Run(ctx, Config{
		Client:             client,
		AppID:              sandbox.DemoAppID,
		BusinessID:         sandbox.DemoBusinessID,
		Profile:            "demo",
		APIVersion:         client.APIVersion(),
		PartnerBusinessIDs: sandbox.DemoPartnerBusinessIDs(),
		Demo:               true,
		LoginHint:          "the demo's token never expires; restart `mps --demo`",
		ExtraTabs:          events.Tabs,
		FirstSeen:          events.FirstSeen,
		SeenWABAs:          events.SeenWABAs,
		Refresh:            refresh,
	})
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

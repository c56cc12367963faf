package graph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
)

// newClient is a client of baseURL that sends token, with the extra options.
func newClient(t *testing.T, baseURL, token string, extra ...graph.Option) *graph.Client {
	t.Helper()
	options := append([]graph.Option{
		graph.WithBaseURL(baseURL),
		graph.WithTokenSource(func(context.Context) (string, error) { return token, nil }),
	}, extra...)
	c, err := graph.New(options...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sandboxClient starts a sandbox and a client pointed at it, with a fake
// clock so that retry waits cost nothing.
func sandboxClient(t *testing.T, opts sandbox.Options, extra ...graph.Option) (*sandbox.Sandbox, *graph.Client) {
	t.Helper()
	sb, srv := sandboxtest.Start(t, opts)
	return sb, newClient(t, srv.URL, sb.Options().Token, append([]graph.Option{graph.WithClock(graph.NewFakeClock())}, extra...)...)
}

// silentClient is a client with a short timeout on a server that never
// answers, with the extra options; host is the server's host:port.
func silentClient(t *testing.T, timeout time.Duration, extra ...graph.Option) (c *graph.Client, host string, accepted func() int) {
	t.Helper()
	base, accepted := sandboxtest.StartSilent(t)
	c = newClient(t, base, sandbox.DemoToken, append([]graph.Option{graph.WithTimeout(timeout)}, extra...)...)
	return c, strings.TrimPrefix(base, "http://"), accepted
}

// handlerClient is a client of a server that answers with h.
func handlerClient(t *testing.T, h http.HandlerFunc, extra ...graph.Option) *graph.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL, "t", extra...)
}

package sandboxtest

import (
	"context"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// Client is a Graph client of the sandbox at baseURL that sends the demo
// token; opts come after, so they add to that or override it.
func Client(tb testing.TB, baseURL string, opts ...graph.Option) *graph.Client {
	tb.Helper()
	c, err := graph.New(append([]graph.Option{
		graph.WithBaseURL(baseURL),
		graph.WithTokenSource(func(context.Context) (string, error) { return sandbox.DemoToken, nil }),
	}, opts...)...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

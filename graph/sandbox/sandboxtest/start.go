// Package sandboxtest starts the Graph sandbox for tests: on a loopback
// httptest server closed when the test ends, or as a listener that never
// answers. It is the only place that ties the sandbox to package testing.
package sandboxtest

import (
	"net/http/httptest"
	"testing"

	"mps/graph/sandbox"
)

// Start serves a new sandbox on a loopback httptest server that is closed
// when the test ends. Point the client's base URL at srv.URL.
func Start(tb testing.TB, opts sandbox.Options) (*sandbox.Sandbox, *httptest.Server) {
	tb.Helper()
	s := sandbox.New(opts)
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return s, srv
}

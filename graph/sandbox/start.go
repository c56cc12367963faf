package sandbox

import (
	"net/http/httptest"
	"testing"
)

// Start serves a new sandbox on a loopback httptest server that is closed
// when the test ends. Point the client's base URL at srv.URL.
func Start(tb testing.TB, opts Options) (*Sandbox, *httptest.Server) {
	tb.Helper()
	s := New(opts)
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return s, srv
}

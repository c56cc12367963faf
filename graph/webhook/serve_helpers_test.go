package webhook

import (
	"io"
	"net/http"
	"testing"

	"mps/graph/webhook/webhooktest"
)

// newServedHandler is the real handler over a recording sink, as the
// server tests serve it.
func newServedHandler(t *testing.T) (*Handler, *recordingSink) {
	t.Helper()
	sink := &recordingSink{}
	return newTestHandler(t, sink, io.Discard), sink
}

// deliver POSTs body signed with secret, as Meta would, and returns the status.
func deliver(t *testing.T, client *http.Client, url string, body []byte, secret string) int {
	t.Helper()
	return webhooktest.Post(t, client, url, body, http.Header{SignatureHeader: {Sign(body, secret)}})
}

// servedHandler is newServedHandler for tests that do not read the sink.
func servedHandler(t *testing.T) *Handler {
	t.Helper()
	h, _ := newServedHandler(t)
	return h
}

package webhook

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"testing"
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
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(SignatureHeader, Sign(body, secret))
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func listenLoopback(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// servedHandler is newServedHandler for tests that do not read the sink.
func servedHandler(t *testing.T) *Handler {
	t.Helper()
	h, _ := newServedHandler(t)
	return h
}

// Package webhooktest plays Meta's side against a webhook receiver in
// tests of any package: the subscription handshake, the deliveries, and
// the guide's and the notes' example payloads (Payload). It does not
// import webhook, so that webhook's own tests can use it too.
package webhooktest

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"testing"
)

// Listen opens a listener on a free loopback port for a receiver to serve.
func Listen(t testing.TB) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// Handshake makes Meta's subscription check at receiverURL and fails t
// unless the receiver answers 200 with the challenge. The answer is
// returned with its body read and closed, for what else a test checks.
func Handshake(t testing.TB, client *http.Client, receiverURL, verifyToken, challenge string) *http.Response {
	t.Helper()
	query := url.Values{"hub.mode": {"subscribe"}, "hub.verify_token": {verifyToken}, "hub.challenge": {challenge}}
	resp, err := client.Get(receiverURL + "?" + query.Encode())
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(got) != challenge {
		t.Fatalf("handshake at %s: %d %q, want 200 %q", receiverURL, resp.StatusCode, got, challenge)
	}
	return resp
}

// Post sends body to receiverURL as a JSON POST with header added (the
// signature), as Meta delivers, and returns the status.
func Post(t testing.TB, client *http.Client, receiverURL string, body []byte, header http.Header) int {
	t.Helper()
	status, err := Deliver(client, receiverURL, body, header)
	if err != nil {
		t.Fatal(err)
	}
	return status
}

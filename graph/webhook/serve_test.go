package webhook

import (
	"context"
	"net/http"
	"testing"
	"time"

	"mps/graph/webhook/webhooktest"
)

func TestServeRoutesOnlyItsPathAndStopsOnCancel(t *testing.T) {
	h := servedHandler(t)
	ln := webhooktest.Listen(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, "/hooks/meta", h, Limits{}) }()
	base := "http://" + ln.Addr().String()

	webhooktest.Handshake(t, http.DefaultClient, base+"/hooks/meta", testVerify, "4242")
	if code := deliver(t, http.DefaultClient, base+"/other", webhooktest.Payload(t, "guide_partner_solutions_created.json"), testSecret); code != http.StatusNotFound {
		t.Fatalf("another path: status %d, want 404", code)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop after its context was cancelled")
	}
	if err := Serve(context.Background(), ln, "no-slash", h, Limits{}); err == nil {
		t.Fatal("Serve accepted a path without a leading /")
	}
}

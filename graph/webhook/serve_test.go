package webhook

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"
)

func TestServeRoutesOnlyItsPathAndStopsOnCancel(t *testing.T) {
	h := servedHandler(t)
	ln := listenLoopback(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, "/hooks/meta", h, Limits{}) }()
	base := "http://" + ln.Addr().String()

	resp, err := http.Get(base + "/hooks/meta?hub.mode=subscribe&hub.verify_token=" + testVerify + "&hub.challenge=4242")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(got) != "4242" {
		t.Fatalf("handshake on the path: %d %q", resp.StatusCode, got)
	}
	if code := deliver(t, http.DefaultClient, base+"/other", readTestdata(t, "guide_partner_solutions_created.json"), testSecret); code != http.StatusNotFound {
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

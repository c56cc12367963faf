package webhooks

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"mps/graph/webhook"
	"mps/store/eventlog"
)

func guidePayload(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "graph", "webhook", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDuplicateDeliveryIsStoredOnce(t *testing.T) {
	l := openLog(t)
	srv := startReceiver(t, l)
	body := guidePayload(t, "guide_account_update_partner_added.json")
	for i := range 3 {
		if code := deliver(t, srv.Client(), srv.URL, body, testSecret); code != http.StatusOK {
			t.Fatalf("delivery %d: status %d", i, code)
		}
	}
	events, err := l.List(context.Background(), eventlog.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 {
		t.Fatalf("3 deliveries of one change stored %d rows, want 1", len(events))
	}
	e := events[0]
	if e.Event != webhook.EventPartnerAdded || e.WABAID != "102290129340398" || e.SolutionID != "303610109049230" ||
		e.OwnerBusinessID != "6143763655652543" || len(e.BusinessIDs) != 2 || !e.Known {
		t.Fatalf("stored row lost parsed fields: %+v", e)
	}
}

func TestBadSignatureStoresNothing(t *testing.T) {
	l := openLog(t)
	srv := startReceiver(t, l)
	body := guidePayload(t, "guide_partner_solutions_created.json")
	if code := deliver(t, srv.Client(), srv.URL, body, "wrong-secret"); code != http.StatusForbidden {
		t.Fatalf("status %d, want 403", code)
	}
	if events, _ := l.List(context.Background(), eventlog.Query{}); len(events) != 0 {
		t.Fatalf("a badly signed delivery stored %d rows", len(events))
	}
}

func TestUnknownChangesAreStoredRawAndAcknowledged(t *testing.T) {
	l := openLog(t)
	srv := startReceiver(t, l)
	body := guidePayload(t, "unknown_field_and_event.json")
	if code := deliver(t, srv.Client(), srv.URL, body, testSecret); code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	events, _ := l.List(context.Background(), eventlog.Query{})
	if len(events) != 3 {
		t.Fatalf("stored %d of 3 unknown changes", len(events))
	}
	parsed, _ := webhook.Parse(body)
	for i, e := range events {
		if e.Known || string(e.Raw) != string(parsed[i].Raw) {
			t.Errorf("row %d: known=%v raw %s; want unknown with the change's raw JSON", i, e.Known, e.Raw)
		}
	}
}

func TestServeRoutesOnlyItsPathAndStopsOnCancel(t *testing.T) {
	l := openLog(t)
	h := newLogHandler(t, l)
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
	if code := deliver(t, http.DefaultClient, base+"/other", guidePayload(t, "guide_partner_solutions_created.json"), testSecret); code != http.StatusNotFound {
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

package readmodel

import (
	"context"
	"net/http"
	"testing"

	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store/eventlog"
)

func TestDuplicateDeliveryIsStoredOnce(t *testing.T) {
	l := openLog(t)
	srv := startReceiver(t, l)
	body := webhooktest.Payload(t, "guide_account_update_partner_added.json")
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
	body := webhooktest.Payload(t, "guide_partner_solutions_created.json")
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
	body := webhooktest.Payload(t, "unknown_field_and_event.json")
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

package webhook

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mps/graph/webhook/webhooktest"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testSecret = "test-app-secret-123"
	testVerify = "test-verify-token-456"
)

// recordingSink keeps what it was given, or fails when told to.
type recordingSink struct {
	mu      sync.Mutex
	changes []Change
	fail    error
}

func (s *recordingSink) Store(_ context.Context, cs []Change) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return 0, s.fail
	}
	s.changes = append(s.changes, cs...)
	return len(cs), nil
}

func (s *recordingSink) stored() []Change {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Change(nil), s.changes...)
}

func newTestHandler(t *testing.T, sink Sink, logs io.Writer) *Handler {
	t.Helper()
	h, err := NewHandler(Config{
		AppSecret: testSecret, VerifyToken: testVerify, Sink: sink,
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
		Now:    func() time.Time { return time.Unix(1700000000, 0) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func post(h http.Handler, body []byte, signature string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/webhook", bytes.NewReader(body))
	if signature != "" {
		req.Header.Set(SignatureHeader, signature)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerHandshake(t *testing.T) {
	var logs bytes.Buffer
	h := newTestHandler(t, &recordingSink{}, &logs)
	tests := []struct {
		name     string
		query    string
		wantCode int
		wantBody string
	}{
		{"right token", "hub.mode=subscribe&hub.verify_token=" + testVerify + "&hub.challenge=CHALLENGE_ACCEPTED", 200, "CHALLENGE_ACCEPTED"},
		{"wrong token", "hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1", 403, ""},
		{"missing token", "hub.mode=subscribe&hub.challenge=1", 403, ""},
		{"missing challenge", "hub.mode=subscribe&hub.verify_token=" + testVerify, 403, ""},
		{"missing mode", "hub.verify_token=" + testVerify + "&hub.challenge=1", 403, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/webhook?"+tt.query, nil))
			if rec.Code != tt.wantCode {
				t.Fatalf("status %d, want %d", rec.Code, tt.wantCode)
			}
			if tt.wantBody != "" && rec.Body.String() != tt.wantBody {
				t.Fatalf("body %q, want exactly the challenge %q", rec.Body.String(), tt.wantBody)
			}
		})
	}
	if strings.Contains(logs.String(), testVerify) {
		t.Fatalf("logs contain the verify token:\n%s", logs.String())
	}
}

func TestHandlerDelivery(t *testing.T) {
	body := webhooktest.Payload(t, "guide_account_update_partner_added.json")
	changed := bytes.Replace(body, []byte("102290129340398"), []byte("102290129340399"), 1)
	tests := []struct {
		name       string
		body       []byte
		signature  string
		sinkErr    error
		wantCode   int
		wantStored int
	}{
		{"valid", body, Sign(body, testSecret), nil, 200, 1},
		{"missing signature", body, "", nil, 401, 0},
		{"wrong signature", body, Sign(body, "not-the-secret"), nil, 403, 0},
		{"body changed after signing", changed, Sign(body, testSecret), nil, 403, 0},
		{"malformed JSON, signed", []byte(`{"entry":[`), Sign([]byte(`{"entry":[`), testSecret), nil, 400, 0},
		{"malformed JSON, unsigned", []byte(`{"entry":[`), "", nil, 401, 0},
		{"empty entry list", []byte(`{"entry":[]}`), Sign([]byte(`{"entry":[]}`), testSecret), nil, 200, 0},
		{"sink fails", body, Sign(body, testSecret), errors.New("disk full"), 503, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			sink := &recordingSink{fail: tt.sinkErr}
			rec := post(newTestHandler(t, sink, &logs), tt.body, tt.signature)
			if rec.Code != tt.wantCode {
				t.Fatalf("status %d (%s), want %d", rec.Code, rec.Body, tt.wantCode)
			}
			if retry := rec.Header().Get("Retry-After"); (tt.wantCode == 503) != (retry != "") {
				t.Errorf("status %d with Retry-After %q: a delivery not stored says when to retry, and only that one", rec.Code, retry)
			}
			if got := len(sink.stored()); got != tt.wantStored {
				t.Fatalf("stored %d changes, want %d", got, tt.wantStored)
			}
			if strings.Contains(logs.String(), testSecret) {
				t.Fatalf("logs contain the app secret:\n%s", logs.String())
			}
		})
	}
}

func TestHandlerStoresParsedChangesWithReceivedTime(t *testing.T) {
	var logs bytes.Buffer
	sink := &recordingSink{}
	body := webhooktest.Payload(t, "unknown_field_and_event.json")
	if rec := post(newTestHandler(t, sink, &logs), body, Sign(body, testSecret)); rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	got := sink.stored()
	if len(got) != 3 {
		t.Fatalf("stored %d, want all 3 unknown changes", len(got))
	}
	for _, c := range got {
		if !c.Received.Equal(time.Unix(1700000000, 0)) || len(c.Raw) == 0 {
			t.Fatalf("change not stamped or without raw: %+v", c)
		}
	}
	if !strings.Contains(logs.String(), "message_template_status_update/APPROVED") {
		t.Fatalf("log does not name the event:\n%s", logs.String())
	}
}

func TestHandlerOversizedBody(t *testing.T) {
	sink := &recordingSink{}
	h, err := NewHandler(Config{AppSecret: testSecret, VerifyToken: testVerify, Sink: sink, MaxBody: 1024})
	if err != nil {
		t.Fatal(err)
	}
	big := []byte(`{"entry":[],"pad":"` + strings.Repeat("a", 2000) + `"}`)
	if rec := post(h, big, Sign(big, testSecret)); rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("declared length over the cap: status %d, want 413", rec.Code)
	}
	// Without a declared length (chunked), the cap still holds while reading.
	req := httptest.NewRequest(http.MethodPost, "/webhook", io.MultiReader(bytes.NewReader(big)))
	req.ContentLength = -1
	req.Header.Set(SignatureHeader, Sign(big, testSecret))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("chunked body over the cap: status %d, want 413", rec.Code)
	}
	if len(sink.stored()) != 0 {
		t.Fatal("an oversized body was stored")
	}
}

func TestHandlerDefaultCapTakesThreeMegabytes(t *testing.T) {
	sink := &recordingSink{}
	h := newTestHandler(t, sink, io.Discard)
	change := `{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"1","pad":"` + strings.Repeat("x", 3000) + `"}}}`
	changes := make([]string, 1000)
	for i := range changes {
		changes[i] = strings.Replace(change, `"waba_id":"1"`, `"waba_id":"`+strings.Repeat("1", i+1)+`"`, 1)
	}
	body := []byte(`{"object":"whatsapp_business_account","entry":[{"id":"1","time":1,"changes":[` + strings.Join(changes, ",") + `]}]}`)
	if len(body) < 3_000_000 {
		t.Fatalf("test body only %d bytes", len(body))
	}
	if rec := post(h, body, Sign(body, testSecret)); rec.Code != 200 {
		t.Fatalf("3 MB delivery: status %d", rec.Code)
	}
	if len(sink.stored()) != 1000 {
		t.Fatalf("stored %d of 1000 changes", len(sink.stored()))
	}
}

func TestHandlerOtherMethods(t *testing.T) {
	rec := httptest.NewRecorder()
	newTestHandler(t, &recordingSink{}, io.Discard).ServeHTTP(rec, httptest.NewRequest(http.MethodPut, "/webhook", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("PUT: status %d", rec.Code)
	}
}

func TestNewHandlerRequiresSecrets(t *testing.T) {
	sink := &recordingSink{}
	for _, cfg := range []Config{
		{VerifyToken: "v", Sink: sink},
		{AppSecret: "s", Sink: sink},
		{AppSecret: "s", VerifyToken: "v"},
	} {
		if _, err := NewHandler(cfg); err == nil {
			t.Errorf("NewHandler(%+v) accepted an incomplete config", cfg)
		}
	}
}

// A receiver of replayed history stamps each change with its entry.time;
// one of Meta's deliveries (the default) with the receipt, whatever
// entry.time says.
func TestHandlerReplayedHistoryKeepsEntryTimes(t *testing.T) {
	body := webhooktest.Payload(t, "guide_account_update_partner_added.json")
	receipt := time.Unix(1700000000, 0)
	for _, replayed := range []bool{false, true} {
		sink := &recordingSink{}
		h, err := NewHandler(Config{AppSecret: testSecret, VerifyToken: testVerify, Sink: sink,
			Now: func() time.Time { return receipt }, ReplayedHistory: replayed})
		if err != nil {
			t.Fatal(err)
		}
		if rec := post(h, body, Sign(body, testSecret)); rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		want := receipt
		if replayed {
			want = time.Unix(1690592557, 0) // the payload's entry.time
		}
		for _, c := range sink.stored() {
			if !c.Received.Equal(want) {
				t.Errorf("ReplayedHistory %v: stamped %s, want %s", replayed, c.Received, want)
			}
		}
	}
}

package readmodel

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store/eventlog"
)

const (
	testSecret = "receiver-test-secret"
	testVerify = "receiver-test-verify"
)

func openLog(t *testing.T) *eventlog.Log {
	t.Helper()
	l, err := eventlog.Open(context.Background(), filepath.Join(t.TempDir(), eventlog.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// startReceiver serves the real handler over the real log on loopback.
func startReceiver(t *testing.T, l *eventlog.Log) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newLogHandler(t, l))
	t.Cleanup(srv.Close)
	return srv
}

// deliver POSTs body signed with secret, as Meta would, and returns the status.
func deliver(t *testing.T, client *http.Client, url string, body []byte, secret string) int {
	t.Helper()
	return webhooktest.Post(t, client, url, body, http.Header{webhook.SignatureHeader: {webhook.Sign(body, secret)}})
}

// newLogHandler is the real receiver over the real log.
func newLogHandler(t *testing.T, l *eventlog.Log) *webhook.Handler {
	t.Helper()
	h, err := webhook.NewHandler(webhook.Config{AppSecret: testSecret, VerifyToken: testVerify, Sink: LogSink{Log: l}})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

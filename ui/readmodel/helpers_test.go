package readmodel

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"mps/graph/webhook"
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
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(body, secret))
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
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

func listenLoopback(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

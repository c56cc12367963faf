package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"mps/graph/webhook"
	"mps/store/eventlog"
	"mps/ui/readmodel"
)

const (
	demoPath           = "/webhook"
	demoDeliverTimeout = 5 * time.Second
)

// webhookSource emits webhook payloads in Meta's shape to its subscribers, as the
// demo's sandbox (sandbox.Sandbox) does.
type webhookSource interface {
	OnWebhook(fn func(payload []byte))
}

// demoLog is the demo's webhook path, the same as real traffic takes: a
// source's payloads are signed and POSTed to a receiver on loopback, which
// verifies them and writes a temporary event log. Close removes it.
type demoLog struct {
	Log    *eventlog.Log
	dir    string
	cancel context.CancelFunc
	done   chan error
}

// startDemoLog subscribes a receiver on loopback to src, storing into a new
// log in a fresh temporary directory. now stamps each delivery's receipt
// (nil: the wall clock).
func startDemoLog(ctx context.Context, src webhookSource, now func() time.Time) (*demoLog, error) {
	dir, err := os.MkdirTemp("", "mps-demo-events-")
	if err != nil {
		return nil, fmt.Errorf("demo: cannot make a directory for the event log: %w", err)
	}
	d := &demoLog{dir: dir, done: make(chan error, 1)}
	if d.Log, err = eventlog.Open(ctx, filepath.Join(dir, eventlog.FileName)); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("demo: %w", err)
	}
	secret, verify := rand.Text(), rand.Text()
	h, err := webhook.NewHandler(webhook.Config{AppSecret: secret, VerifyToken: verify, Sink: readmodel.LogSink{Log: d.Log}, Now: now,
		// The sandbox replays a week of history at start: its events keep
		// their own times, so that the Events tab and --since see a week.
		ReplayedHistory: true})
	if err != nil {
		d.removeLog()
		return nil, fmt.Errorf("demo: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		d.removeLog()
		return nil, fmt.Errorf("demo: cannot listen on loopback: %w", err)
	}
	serveCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	d.cancel = cancel
	go func() { d.done <- webhook.Serve(serveCtx, ln, demoPath, h, webhook.Limits{}) }()
	url := "http://" + ln.Addr().String() + demoPath
	client := &http.Client{Timeout: demoDeliverTimeout}
	src.OnWebhook(func(payload []byte) { deliverSigned(client, url, payload, secret) })
	return d, nil
}

// Dir is the temporary directory that holds the log until Close.
func (d *demoLog) Dir() string { return d.dir }

// deliverSigned POSTs one payload as Meta would. The demo has nowhere to
// report a failed delivery; the log simply does not hold it.
func deliverSigned(client *http.Client, url string, payload []byte, secret string) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(payload, secret))
	if resp, err := client.Do(req); err == nil {
		resp.Body.Close()
	}
}

// Close ends the receiver and removes the temporary log. Deliveries still
// under way (a replay) must have finished first.
func (d *demoLog) Close() {
	d.cancel()
	<-d.done
	d.removeLog()
}

func (d *demoLog) removeLog() {
	d.Log.Close()
	os.RemoveAll(d.dir)
}

package ui

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"mps/graph/graphtest"
	"mps/graph/webhook"
	"mps/store/eventlog"
	"mps/ui/webhooks"
)

const (
	demoWebhookPath    = "/webhook"
	demoDeliverTimeout = 5 * time.Second
)

// demoWebhooks is the demo's webhook path, the same as real traffic takes:
// the sandbox's payloads are signed and POSTed to a receiver on loopback,
// which verifies them and writes a temporary event log.
type demoWebhooks struct {
	log    *eventlog.Log
	dir    string
	cancel context.CancelFunc
	done   chan error
	replay sync.WaitGroup
}

func startDemoWebhooks(ctx context.Context, sandbox *graphtest.Sandbox) (*demoWebhooks, error) {
	dir, err := os.MkdirTemp("", "mps-demo-events-")
	if err != nil {
		return nil, fmt.Errorf("demo: cannot make a directory for the event log: %w", err)
	}
	d := &demoWebhooks{dir: dir, done: make(chan error, 1)}
	if d.log, err = eventlog.Open(ctx, filepath.Join(dir, eventlog.FileName)); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("demo: %w", err)
	}
	secret, verify := rand.Text(), rand.Text()
	h, err := webhook.NewHandler(webhook.Config{AppSecret: secret, VerifyToken: verify, Sink: webhooks.LogSink{Log: d.log}})
	if err != nil {
		d.close()
		return nil, fmt.Errorf("demo: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		d.close()
		return nil, fmt.Errorf("demo: cannot listen on loopback: %w", err)
	}
	serveCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	d.cancel = cancel
	go func() { d.done <- webhooks.Serve(serveCtx, ln, demoWebhookPath, h) }()
	url := "http://" + ln.Addr().String() + demoWebhookPath
	client := &http.Client{Timeout: demoDeliverTimeout}
	sandbox.OnWebhook(func(payload []byte) { deliverSigned(client, url, payload, secret) })
	return d, nil
}

// deliverSigned POSTs one payload as Meta would. The demo has nowhere to
// report a failed delivery; the Events tab simply does not show it.
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

// replayHistory sends the sandbox's past webhooks through the receiver in
// the background, so the dashboard opens at once and the Events tab's polls
// pick them up: the ages of pending requests and the week's onboardings.
func (d *demoWebhooks) replayHistory(sandbox *graphtest.Sandbox) {
	d.replay.Go(sandbox.ReplayHistory)
}

// stop waits for a replay still under way, ends the receiver and removes
// the temporary log.
func (d *demoWebhooks) stop() {
	d.replay.Wait()
	d.cancel()
	<-d.done
	d.close()
}

func (d *demoWebhooks) close() {
	d.log.Close()
	os.RemoveAll(d.dir)
}

package cli

import (
	"bytes"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store"
)

func postSigned(t *testing.T, url string, body []byte, signature string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if signature != "" {
		req.Header.Set(webhook.SignatureHeader, signature)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestWebhookServeReceivesSandboxDeliveries(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 3})
	h.withStateDir()
	h.env[store.EnvAppSecret] = hookSecret
	h.env[store.EnvVerifyToken] = hookVerify
	var mu sync.Mutex
	var deliveries [][]byte
	h.sandbox.OnWebhook(func(p []byte) {
		mu.Lock()
		defer mu.Unlock()
		deliveries = append(deliveries, p)
	})
	incoming := h.sandbox.CreateIncomingRequest("Webhook test")
	h.mustRun("accept", incoming, "--yes")
	mu.Lock()
	defer mu.Unlock()
	if len(deliveries) == 0 {
		t.Fatal("accepting in the sandbox emitted no webhook")
	}

	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0", "--path", "/meta/hook")
	url := recv.url(t)
	if !strings.HasSuffix(url, "/meta/hook") {
		t.Fatalf("listening at %s, want the --path", url)
	}
	webhooktest.Handshake(t, http.DefaultClient, url, hookVerify, "987654")
	if resp, err := http.Get(url + "?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"); err != nil || resp.StatusCode != 403 {
		t.Fatalf("handshake with a wrong token: %v %v", resp.StatusCode, err)
	}
	for _, d := range deliveries {
		if code := postSigned(t, url, d, webhook.Sign(d, hookSecret)); code != 200 {
			t.Fatalf("signed sandbox delivery: status %d", code)
		}
	}
	if code := postSigned(t, url, deliveries[0], ""); code != 401 {
		t.Fatalf("unsigned delivery: status %d, want 401", code)
	}
	if code := recv.stop(t); code != ExitOK {
		t.Fatalf("webhook serve exit %d after interrupt\nstderr: %s", code, recv.stderr)
	}
	if !strings.Contains(recv.stdout.String(), "Stopped.") || !strings.Contains(recv.stdout.String(), store.EnvAppSecret) {
		t.Fatalf("output does not say it stopped or where the secret came from:\n%s", recv.stdout)
	}
	for _, secret := range []string{hookSecret, hookVerify} {
		if strings.Contains(recv.stdout.String()+recv.stderr.String(), secret) {
			t.Fatalf("webhook serve printed a secret:\n%s\n%s", recv.stdout, recv.stderr)
		}
	}
	if !strings.Contains(recv.stderr.String(), "partner_solutions/SOLUTION_UPDATED") {
		t.Fatalf("the log does not name the event:\n%s", recv.stderr)
	}

	events := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout)
	if len(events) != len(deliveries) {
		t.Fatalf("events --json has %d objects, want one per delivered change (%d)", len(events), len(deliveries))
	}
	last := events[len(events)-1]
	if last.Field != "partner_solutions" || last.SolutionID != incoming || last.SolutionStatus != graph.StatusActive || !last.Understood {
		t.Fatalf("the accept's webhook is not the last stored event: %+v", last)
	}
	if !strings.Contains(string(last.Raw), incoming) {
		t.Fatalf("raw payload missing: %s", last.Raw)
	}
}

func TestWebhookServeTakesSecretsFromTheKeyring(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.withStateDir()
	h.keyring.Set(store.Service, store.AppSecret.Account(store.DefaultProfile), hookSecret)
	h.keyring.Set(store.Service, store.VerifyToken.Account(store.DefaultProfile), hookVerify)
	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0")
	url := recv.url(t)
	body := webhooktest.Payload(t, "guide_partner_solutions_created.json")
	if code := postSigned(t, url, body, webhook.Sign(body, hookSecret)); code != 200 {
		t.Fatalf("delivery signed with the keyring's secret: %d", code)
	}
	if code := postSigned(t, url, body, webhook.Sign(body, "not-it")); code != 403 {
		t.Fatalf("delivery signed with another secret: %d, want 403", code)
	}
	recv.stop(t)
	if !strings.Contains(recv.stdout.String(), "keyring") {
		t.Fatalf("output does not name the keyring as the source:\n%s", recv.stdout)
	}
}

func TestWebhookServeRefusals(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.withStateDir()

	r := h.run("webhook", "serve", "--addr", "127.0.0.1:0")
	wantExit(t, r, ExitError, "webhook serve without an app secret")
	if !strings.Contains(r.stderr, store.EnvAppSecret) {
		t.Fatalf("no app secret: the error does not say how to give one: %s", r.stderr)
	}

	h.env[store.EnvAppSecret] = hookSecret
	r = h.run("webhook", "serve", "--addr", "127.0.0.1:0")
	wantExit(t, r, ExitError, "webhook serve without a verify token")
	if !strings.Contains(r.stderr, store.EnvVerifyToken) {
		t.Fatalf("no verify token: the error does not say how to give one: %s", r.stderr)
	}

	h.env[store.EnvVerifyToken] = hookVerify
	wantExit(t, h.run("webhook", "serve", "--path", "no-slash"), ExitUsage, "bad --path")
	wantExit(t, h.run("webhook", "serve", "--max-connections", "0"), ExitUsage, "--max-connections 0")
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	r = h.run("webhook", "serve", "--addr", busy.Addr().String())
	wantExit(t, r, ExitUsage, "address in use")
	if !strings.Contains(r.stderr, "--addr") {
		t.Fatalf("address in use: %s", r.stderr)
	}
	wantExit(t, h.run("--demo", "webhook", "serve"), ExitUsage, "--demo webhook serve")
	for _, out := range []string{r.stdout, r.stderr} {
		if strings.Contains(out, hookSecret) || strings.Contains(out, hookVerify) {
			t.Fatal("a refusal printed a secret")
		}
	}
}

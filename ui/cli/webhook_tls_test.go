package cli

import (
	"bytes"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/graph/webhook/tlstest"
	"mps/graph/webhook/webhooktest"
	"mps/store"
)

// receiverHarness has the app secret and verify token webhook serve needs.
func receiverHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.withStateDir()
	h.env[store.EnvAppSecret] = hookSecret
	h.env[store.EnvVerifyToken] = hookVerify
	return h
}

func TestWebhookServeOverTLS(t *testing.T) {
	h := receiverHarness(t)
	pair := tlstest.WriteSelfSigned(t, t.TempDir(), "hook", time.Now().Add(24*time.Hour))

	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0", "--tls-cert", pair.CertFile, "--tls-key", pair.KeyFile)
	url := recv.url(t)
	if !strings.HasPrefix(url, "https://127.0.0.1:") || !strings.HasSuffix(url, "/webhook") {
		t.Fatalf("listening at %s, want an https:// URL on the --addr", url)
	}
	client := tlstest.Client(t, pair.Cert)
	webhooktest.Handshake(t, client, url, hookVerify, "55555")

	body := webhooktest.Payload(t, "guide_partner_solutions_created.json")
	post := func(client *http.Client, url string) (int, error) {
		req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set(webhook.SignatureHeader, webhook.Sign(body, hookSecret))
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	if code, err := post(client, url); err != nil || code != 200 {
		t.Fatalf("signed delivery over TLS: %d %v", code, err)
	}
	if code, err := post(http.DefaultClient, "http://"+strings.TrimPrefix(url, "https://")); err != nil || code != http.StatusBadRequest {
		t.Fatalf("a plain-HTTP delivery to the TLS port: %d %v, want 400", code, err)
	}
	if code, err := post(&http.Client{Timeout: 20 * time.Second}, url); err == nil {
		t.Fatalf("a client that does not trust the certificate got status %d", code)
	}

	client.CloseIdleConnections() // or the HTTP/2 shutdown waits a second for it
	if code := recv.stop(t); code != ExitOK {
		t.Fatalf("webhook serve exit %d after interrupt\nstderr: %s", code, recv.stderr)
	}
	out := recv.stdout.String()
	for _, want := range []string{"TLS certificate for localhost, 127.0.0.1", "re-read when they change", "Stopped."} {
		if !strings.Contains(out, want) {
			t.Fatalf("stdout lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(recv.stderr.String(), "mps: warning: the TLS certificate is self-signed") {
		t.Fatalf("no warning that Meta will not accept a self-signed certificate:\n%s", recv.stderr)
	}
	if !strings.Contains(recv.stderr.String(), "HTTP request to an HTTPS server") {
		t.Fatalf("the plain-HTTP attempt was not logged:\n%s", recv.stderr)
	}
	events := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout)
	if len(events) != 1 || events[0].SolutionID == "" {
		t.Fatalf("events after one delivery over TLS: %+v", events)
	}
}

func TestWebhookServeWarnsOfAnExpiredCertificate(t *testing.T) {
	h := receiverHarness(t)
	// The harness's clock reads 2026-11-24 12:00 UTC.
	pair := tlstest.WriteSelfSigned(t, t.TempDir(), "old", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	recv := h.start("webhook", "serve", "--addr", "127.0.0.1:0", "--tls-cert", pair.CertFile, "--tls-key", pair.KeyFile)
	recv.url(t)
	recv.stop(t)
	if !strings.Contains(recv.stderr.String(), "mps: warning: the TLS certificate expired on 2026-11-01") {
		t.Fatalf("no warning about the expired certificate:\n%s", recv.stderr)
	}
}

func TestWebhookServeTLSRefusals(t *testing.T) {
	h := receiverHarness(t)
	dir := t.TempDir()
	a := tlstest.WriteSelfSigned(t, dir, "a", time.Now().Add(24*time.Hour))
	b := tlstest.WriteSelfSigned(t, dir, "b", time.Now().Add(24*time.Hour))
	missing := filepath.Join(dir, "fullchain.pem")

	for _, tc := range []struct {
		name string
		args []string
		says []string
	}{
		{"--tls-cert alone", []string{"--tls-cert", a.CertFile}, []string{"--tls-cert needs --tls-key, which is missing", "Give --tls-key"}},
		{"--tls-key alone", []string{"--tls-key", a.KeyFile}, []string{"--tls-key needs --tls-cert, which is missing", "Give --tls-cert"}},
		{"missing certificate", []string{"--tls-cert", missing, "--tls-key", a.KeyFile},
			[]string{"cannot read the TLS certificate " + missing, "no such file", "Give --tls-cert"}},
		{"missing key", []string{"--tls-cert", a.CertFile, "--tls-key", missing},
			[]string{"cannot read the TLS key " + missing, "Give --tls-key"}},
		{"key of another certificate", []string{"--tls-cert", a.CertFile, "--tls-key", b.KeyFile},
			[]string{"the TLS key " + b.KeyFile + " does not belong to the certificate " + a.CertFile, "Give --tls-key the private key the certificate was issued for"}},
		{"files swapped", []string{"--tls-cert", a.KeyFile, "--tls-key", a.CertFile},
			[]string{"holds a private key, not a certificate", "Give --tls-cert"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := h.run(append([]string{"webhook", "serve", "--addr", "127.0.0.1:0"}, tc.args...)...)
			wantExit(t, r, ExitUsage, tc.name)
			if strings.Count(r.stderr, "\n") != 1 || strings.Contains(r.stderr, "goroutine") {
				t.Fatalf("stderr is not one error line:\n%s", r.stderr)
			}
			for _, want := range tc.says {
				if !strings.Contains(r.stderr, want) {
					t.Fatalf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			if strings.Contains(r.stdout, "Receiving webhooks") {
				t.Fatalf("it listened before refusing:\n%s", r.stdout)
			}
		})
	}
}

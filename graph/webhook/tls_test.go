package webhook

import (
	"context"
	"crypto/ecdsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"mps/graph/webhook/tlstest"
	"mps/graph/webhook/webhooktest"
)

// recordedLogs keeps what a slog.Logger was told, one line per record.
type recordedLogs struct {
	mu    sync.Mutex
	lines []string
}

func (r *recordedLogs) Enabled(context.Context, slog.Level) bool { return true }
func (r *recordedLogs) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *recordedLogs) WithGroup(string) slog.Handler            { return r }
func (r *recordedLogs) Handle(_ context.Context, rec slog.Record) error {
	line := rec.Level.String() + " " + rec.Message
	rec.Attrs(func(a slog.Attr) bool {
		line += " " + a.String()
		return true
	})
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lines = append(r.lines, line)
	return nil
}

func (r *recordedLogs) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.lines, "\n")
}

// startTLSReceiver serves the real handler over a recording sink with TLS from
// certs on loopback, and returns the base URL.
func startTLSReceiver(t *testing.T, h *Handler, certs *Certificates, logs *recordedLogs) string {
	t.Helper()
	ln := webhooktest.Listen(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- ServeTLS(ctx, ln, "/webhook", h, Limits{}, certs.TLSConfig(), slog.New(logs))
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("ServeTLS after cancel: %v", err)
		}
	})
	return ln.Addr().String()
}

// startSelfSignedReceiver serves over TLS with a fresh self-signed pair.
func startSelfSignedReceiver(t *testing.T) (pair tlstest.Pair, l *recordingSink, logs *recordedLogs, addr string) {
	t.Helper()
	pair = tlstest.WriteSelfSigned(t, t.TempDir(), "hook", time.Now().Add(24*time.Hour))
	certs, err := LoadCertificates(pair.CertFile, pair.KeyFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, l := newServedHandler(t)
	logs = &recordedLogs{}
	return pair, l, logs, startTLSReceiver(t, h, certs, logs)
}

func TestServeTLSAnswersHandshakeAndStoresSignedDeliveries(t *testing.T) {
	pair, l, _, addr := startSelfSignedReceiver(t)
	client := tlstest.Client(t, pair.Cert)

	resp := webhooktest.Handshake(t, client, "https://"+addr+"/webhook", testVerify, "31337")
	if resp.TLS == nil || resp.TLS.Version < tls.VersionTLS12 {
		t.Fatalf("the handshake was not answered over TLS 1.2 or later: %+v", resp.TLS)
	}

	body := webhooktest.Payload(t, "guide_partner_solutions_created.json")
	if code := deliver(t, client, "https://"+addr+"/webhook", body, "wrong-secret"); code != http.StatusForbidden {
		t.Fatalf("badly signed delivery over TLS: status %d, want 403", code)
	}
	if code := deliver(t, client, "https://"+addr+"/webhook", body, testSecret); code != http.StatusOK {
		t.Fatalf("signed delivery over TLS: status %d", code)
	}
	events := l.stored()
	if len(events) != 1 || events[0].SolutionID == "" {
		t.Fatalf("the delivery over TLS stored %+v, want its one change", events)
	}
}

func TestServeTLSRefusesPlainHTTPAndOldTLS(t *testing.T) {
	pair, l, logs, addr := startSelfSignedReceiver(t)

	body := webhooktest.Payload(t, "guide_partner_solutions_created.json")
	if code := deliver(t, http.DefaultClient, "http://"+addr+"/webhook", body, testSecret); code != http.StatusBadRequest {
		t.Fatalf("plain HTTP to the TLS port: status %d, want 400", code)
	}
	if events := l.stored(); len(events) != 0 {
		t.Fatalf("a plain-HTTP delivery to the TLS port stored %d rows", len(events))
	}

	old := tlstest.Client(t, pair.Cert)
	old.Transport.(*http.Transport).TLSClientConfig.MaxVersion = tls.VersionTLS11
	if resp, err := old.Get("https://" + addr + "/webhook"); err == nil {
		resp.Body.Close()
		t.Fatal("a TLS 1.1 client was served")
	}
	// net/http answers the plain request first and logs it after: the
	// line may land a moment after the client has its 400.
	logged := func() bool { return strings.Contains(logs.String(), "HTTP request to an HTTPS server") }
	for deadline := time.Now().Add(5 * time.Second); !logged() && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if !logged() {
		t.Fatalf("the plain-HTTP attempt was not logged:\n%s", logs)
	}
}

func TestLoadCertificatesSaysWhichFileIsWrong(t *testing.T) {
	dir := t.TempDir()
	valid := time.Now().Add(24 * time.Hour)
	a := tlstest.WriteSelfSigned(t, dir, "a", valid)
	b := tlstest.WriteSelfSigned(t, dir, "b", valid)
	missing := filepath.Join(dir, "missing.pem")
	garbage := filepath.Join(dir, "garbage.pem")
	if err := os.WriteFile(garbage, []byte("not a pem file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	encrypted := filepath.Join(dir, "encrypted.key")
	if err := os.WriteFile(encrypted, []byte("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		cert, key string
		part      CertPart
		file      string
		mismatch  bool
		says      string
	}{
		{"missing certificate", missing, a.KeyFile, PartCert, missing, false, "no such file"},
		{"missing key", a.CertFile, missing, PartKey, missing, false, "no such file"},
		{"certificate is a directory", dir, a.KeyFile, PartCert, dir, false, "is a directory"},
		{"certificate holds no PEM", garbage, a.KeyFile, PartCert, garbage, false, "no PEM certificate"},
		{"key holds no PEM", a.CertFile, garbage, PartKey, garbage, false, "no PEM private key"},
		{"files swapped", a.KeyFile, a.CertFile, PartCert, a.KeyFile, false, "holds a private key, not a certificate"},
		{"key under a passphrase", a.CertFile, encrypted, PartKey, encrypted, false, "passphrase"},
		{"key of another certificate", a.CertFile, b.KeyFile, PartKey, b.KeyFile, true, "does not belong to the certificate " + a.CertFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			certs, err := LoadCertificates(tc.cert, tc.key, nil)
			certErr, ok := errors.AsType[*CertError](err)
			if !ok {
				t.Fatalf("got %v, %v; want a *CertError", certs, err)
			}
			if certErr.Part != tc.part || certErr.File != tc.file || certErr.Mismatch != tc.mismatch {
				t.Fatalf("blames %v %s (mismatch %v), want %v %s (mismatch %v)", certErr.Part, certErr.File, certErr.Mismatch, tc.part, tc.file, tc.mismatch)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.file) || !strings.Contains(msg, tc.says) {
				t.Fatalf("message %q does not name %s and say %q", msg, tc.file, tc.says)
			}
		})
	}
	if _, err := LoadCertificates(a.CertFile, a.KeyFile, nil); err != nil {
		t.Fatalf("a matching pair: %v", err)
	}
}

// replaceFiles copies from's files over to's, as a renewal would, and moves
// their modification time on so that coarse file system clocks see it.
func replaceFiles(t *testing.T, from, to string, bump time.Duration) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(bump)
	if err := os.Chtimes(to, later, later); err != nil {
		t.Fatal(err)
	}
}

// servedBy reports whether a client that trusts only pair's certificate
// completes a handshake with the receiver at addr.
func servedBy(t *testing.T, addr string, pair tlstest.Pair) bool {
	resp, err := tlstest.Client(t, pair.Cert).Get("https://" + addr + "/webhook?hub.mode=subscribe&hub.verify_token=" + testVerify + "&hub.challenge=1")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func TestCertificatesAreReloadedWhenTheirFilesChange(t *testing.T) {
	dir := t.TempDir()
	valid := time.Now().Add(24 * time.Hour)
	live := tlstest.WriteSelfSigned(t, dir, "live", valid)
	renewed := tlstest.WriteSelfSigned(t, dir, "renewed", valid)
	again := tlstest.WriteSelfSigned(t, dir, "again", valid)
	logs := &recordedLogs{}
	certs, err := LoadCertificates(live.CertFile, live.KeyFile, slog.New(logs))
	if err != nil {
		t.Fatal(err)
	}
	addr := startTLSReceiver(t, servedHandler(t), certs, logs)
	if !servedBy(t, addr, live) || servedBy(t, addr, renewed) {
		t.Fatal("before renewal: not served by the loaded certificate alone")
	}

	replaceFiles(t, renewed.CertFile, live.CertFile, time.Second)
	replaceFiles(t, renewed.KeyFile, live.KeyFile, time.Second)
	if !servedBy(t, addr, renewed) || servedBy(t, addr, live) {
		t.Fatal("after the files changed, the renewed certificate is not served")
	}
	if certs.Leaf().SerialNumber.Cmp(renewed.Cert.SerialNumber) != 0 {
		t.Fatal("Leaf does not report the renewed certificate")
	}
	if !strings.Contains(logs.String(), "TLS certificate reloaded") {
		t.Fatalf("the reload was not logged:\n%s", logs)
	}

	// Half a renewal: the new certificate is there, its key not yet.
	replaceFiles(t, again.CertFile, live.CertFile, 2*time.Second)
	for range 2 {
		if !servedBy(t, addr, renewed) {
			t.Fatal("a certificate without its key replaced the working pair")
		}
	}
	if n := strings.Count(logs.String(), "still serving the previous certificate"); n != 1 || !strings.Contains(logs.String(), "does not belong") {
		t.Fatalf("the failed reload was logged %d times, want once with its cause:\n%s", n, logs)
	}
	replaceFiles(t, again.KeyFile, live.KeyFile, 2*time.Second)
	if !servedBy(t, addr, again) {
		t.Fatal("once the key arrived too, the new certificate is not served")
	}
}

func TestLoadCertificatesReadsAnOpenSSLStyleECKey(t *testing.T) {
	pair := tlstest.WriteSelfSigned(t, t.TempDir(), "sec1", time.Now().Add(24*time.Hour))
	pkcs8, err := os.ReadFile(pair.KeyFile)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(pkcs8)
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	sec1, err := x509.MarshalECPrivateKey(key.(*ecdsa.PrivateKey))
	if err != nil {
		t.Fatal(err)
	}
	// `openssl ecparam -genkey` writes the curve's parameters first.
	params := pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}})
	if err := os.WriteFile(pair.KeyFile, append(params, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: sec1})...), 0o600); err != nil {
		t.Fatal(err)
	}
	certs, err := LoadCertificates(pair.CertFile, pair.KeyFile, nil)
	if err != nil {
		t.Fatalf("an EC PARAMETERS block followed by a SEC 1 key: %v", err)
	}
	if certs.Leaf().SerialNumber.Cmp(pair.Cert.SerialNumber) != 0 {
		t.Fatal("loaded another certificate")
	}
}

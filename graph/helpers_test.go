package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"
)

// testToken is shaped like a real Meta token so that both the exact-match
// redaction and the token-shaped scrubbing are exercised.
const testToken = "EAAJtestTOKEN0123456789abcdefghijklmnopqrstuvwxyz"

// seen is one request as the test server received it.
type seen struct {
	Method, Path, RawQuery, Auth, UserAgent, ContentType, Body string
}

// stubServer answers with respond(n, r) where n counts requests from 0, and
// records every request.
type stubServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

type reply struct {
	status int
	header map[string]string
	body   string
	drop   bool // hijack and close the connection without answering
}

func newStub(t *testing.T, respond func(n int, r *http.Request) reply) *stubServer {
	t.Helper()
	s := &stubServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		n := len(s.reqs)
		s.reqs = append(s.reqs, seen{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization"),
			r.Header.Get("User-Agent"), r.Header.Get("Content-Type"), string(body)})
		s.mu.Unlock()
		rep := respond(n, r)
		if rep.drop {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		for k, v := range rep.header {
			w.Header().Set(k, v)
		}
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		}
		if rep.status == 0 {
			rep.status = http.StatusOK
		}
		w.WriteHeader(rep.status)
		io.WriteString(w, rep.body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *stubServer) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.reqs...)
}

// always answers every request the same way.
func always(rep reply) func(int, *http.Request) reply {
	return func(int, *http.Request) reply { return rep }
}

// sequence answers request n with replies[n], and the last one after that.
func sequence(replies ...reply) func(int, *http.Request) reply {
	return func(n int, _ *http.Request) reply {
		return replies[min(n, len(replies)-1)]
	}
}

// fakeClock advances by every wait at once, unless blocked, in which case
// waits never end; every wait is recorded and announced on waited.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	waits  []time.Duration
	block  bool
	waited chan time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC), waited: make(chan time.Duration, 100)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) After(d time.Duration) <-chan time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.waits = append(f.waits, d)
	ch := make(chan time.Time, 1)
	if !f.block {
		f.now = f.now.Add(d)
		ch <- f.now
	}
	f.waited <- d
	return ch
}

func (f *fakeClock) Waits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.waits...)
}

func staticToken(token string) TokenSource {
	return func(context.Context) (string, error) { return token, nil }
}

// testPolicy retries quickly; the fake clock makes the waits free anyway.
func testPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second,
		MaxElapsed: 10 * time.Second, MaxThrottle: 5 * time.Minute}
}

// newTestClient points a client at srv with the test token, a fake clock and
// testPolicy; extra options come last and win.
func newTestClient(t *testing.T, srv *stubServer, extra ...Option) (*Client, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	opts := append([]Option{WithBaseURL(srv.URL), WithTokenSource(staticToken(testToken)),
		WithClock(clock), WithRetryPolicy(testPolicy())}, extra...)
	c, err := New(opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, clock
}

func readGuide(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/guide/" + name)
	if err != nil {
		t.Fatalf("reading guide example: %v", err)
	}
	return string(b)
}

func graphErrorBody(code, subcode int, message string) string {
	msg, _ := json.Marshal(message)
	return fmt.Sprintf(`{"error":{"message":%s,"type":"OAuthException","code":%d,"error_subcode":%d,"fbtrace_id":"AbCdEf123"}}`,
		msg, code, subcode)
}

func query(t *testing.T, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatalf("query %q: %v", raw, err)
	}
	return q
}

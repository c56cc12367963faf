package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// testVersion is the version prefix the tests call.
const testVersion = "/v25.0"

// fixedNow is the clock of sandboxes built by tests.
func fixedNow() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }

// tclient calls a sandbox over real HTTP, as the graph client would.
type tclient struct {
	t     *testing.T
	s     *Sandbox
	srv   *httptest.Server
	hc    *http.Client
	token string
}

// reply is one answer.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func newTClient(t *testing.T, opts Options) *tclient {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	// Started by hand: sandboxtest imports this package, so its own
	// tests cannot use sandboxtest.Start.
	s := New(opts)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	// No keep-alives: a dropped connection must not be retried by the
	// transport on a fresh one behind the test's back.
	hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	return &tclient{t: t, s: s, srv: srv, hc: hc, token: s.Options().Token}
}

func (c *tclient) do(method, path string, query url.Values, body string) (reply, error) {
	c.t.Helper()
	u := c.srv.URL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return reply{status: resp.StatusCode, header: resp.Header, body: b}, err
}

// get calls GET /v25.0{path} and fails the test on a transport error.
func (c *tclient) get(path string, query url.Values) reply {
	c.t.Helper()
	r, err := c.do(http.MethodGet, testVersion+path, query, "")
	if err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
	return r
}

func (c *tclient) post(path string) reply {
	c.t.Helper()
	r, err := c.do(http.MethodPost, testVersion+path, nil, "")
	if err != nil {
		c.t.Fatalf("POST %s: %v", path, err)
	}
	return r
}

// ok decodes a 200 answer into T.
func ok[T any](t *testing.T, r reply) T {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", r.status, r.body)
	}
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
	return v
}

// graphErr is the error object as a client reads it.
type graphErr struct {
	Message     string `json:"message"`
	Type        string `json:"type"`
	Code        int    `json:"code"`
	Subcode     int    `json:"error_subcode"`
	IsTransient bool   `json:"is_transient"`
	FBTraceID   string `json:"fbtrace_id"`
}

// failed decodes an error answer and checks its status and code.
func failed(t *testing.T, r reply, status, code int) graphErr {
	t.Helper()
	var v struct {
		Error *graphErr `json:"error"`
	}
	if err := json.Unmarshal(r.body, &v); err != nil || v.Error == nil {
		t.Fatalf("want a Graph error, got status %d body %s (%v)", r.status, r.body, err)
	}
	if r.status != status || v.Error.Code != code {
		t.Fatalf("got status %d code %d (%s), want status %d code %d", r.status, v.Error.Code, v.Error.Message, status, code)
	}
	if v.Error.Message == "" || v.Error.Type == "" || v.Error.FBTraceID == "" {
		t.Fatalf("error lacks message, type or fbtrace_id: %s", r.body)
	}
	return *v.Error
}

func q(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

package sandbox

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"mps/graph"
)

func TestFaultTransientThenRecovers(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultTransient, Times: 2})
	for range 2 {
		if e := failed(t, c.get("/me", nil), 500, 2); !e.IsTransient {
			t.Fatalf("code 2 without is_transient: %+v", e)
		}
	}
	ok[graph.Me](t, c.get("/me", nil))
	if len(c.s.Faults()) != 0 {
		t.Fatalf("a used-up fault is still on: %+v", c.s.Faults())
	}
}

func TestFaultThrottleAppLevel(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultThrottleAppLevel})
	r := c.get("/me", nil)
	failed(t, r, 403, 4)
	var u graph.AppUsage
	if err := json.Unmarshal([]byte(r.header.Get("X-App-Usage")), &u); err != nil || u.CallCount != 100 {
		t.Fatalf("X-App-Usage %q (%v)", r.header.Get("X-App-Usage"), err)
	}
	// Until cleared, every call is throttled.
	failed(t, c.get("/me", nil), 403, 4)
	c.s.ClearFaults()
	ok[graph.Me](t, c.get("/me", nil))
}

func TestFaultThrottleBUC(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultThrottleBUC, RegainMinutes: 7, PathContains: "client_whatsapp"})
	ok[graph.Me](t, c.get("/me", nil)) // other paths are not throttled
	r := c.get("/"+DemoBusinessID+"/client_whatsapp_business_accounts", nil)
	if e := failed(t, r, 400, 80008); !e.IsTransient {
		t.Fatalf("80008: %+v", e)
	}
	var byObject map[string][]graph.BUCUsage
	if err := json.Unmarshal([]byte(r.header.Get("X-Business-Use-Case-Usage")), &byObject); err != nil {
		t.Fatal(err)
	}
	if u := byObject[DemoBusinessID]; len(u) != 1 || u[0].EstimatedTimeToRegainAccess != 7 || u[0].CallCount != 100 {
		t.Fatalf("usage %+v", byObject)
	}
}

func TestFaultExpiredToken(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultExpiredToken, Method: "GET", Times: 1})
	if e := failed(t, c.get("/me", nil), 400, 190); e.Subcode != 463 || e.Type != "OAuthException" {
		t.Fatalf("expired: %+v", e)
	}
	ok[graph.Me](t, c.get("/me", nil))
}

func TestFaultDropConnection(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	sol := solutionNamed(t, c.s, "Social OVD with Northwind")
	c.s.AddFault(Fault{Kind: FaultDropConnection, Method: "POST", Times: 1})
	if _, err := c.do("POST", testVersion+"/"+sol.ID+"/accept", nil, ""); err == nil {
		t.Fatal("a dropped connection answered")
	}
	if got, _ := c.s.Solution(sol.ID); got.Status != graph.StatusInitiated {
		t.Fatalf("dropped before applying, yet the solution is %s", got.Status)
	}
	if n := len(c.s.Requests()); n != 1 {
		t.Fatalf("%d requests logged, want the one that was dropped", n)
	}
}

func TestFaultDropAfterApply(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	h := recordHooks(c.s)
	sol := solutionNamed(t, c.s, "Social OVD with Northwind")
	c.s.AddFault(Fault{Kind: FaultDropAfterApply, PathContains: "/accept"})
	if _, err := c.do("POST", testVersion+"/"+sol.ID+"/accept", nil, ""); err == nil {
		t.Fatal("the connection was not dropped")
	}
	if got, _ := c.s.Solution(sol.ID); got.Status != graph.StatusActive {
		t.Fatalf("the accept did not take effect: %s", got.Status)
	}
	if hooks := h.parsed(t); len(hooks) != 1 || hooks[0].Entry[0].Changes[0].Value.SolutionStatus != "ACTIVE" {
		t.Fatalf("webhooks %+v", hooks)
	}
	if posts := len(c.s.Posts()); posts != 1 {
		t.Fatalf("%d POSTs reached the server", posts)
	}
}

func TestFaultLatency(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultLatency, Latency: 80 * time.Millisecond, Times: 1})
	start := time.Now()
	ok[graph.Me](t, c.get("/me", nil))
	if time.Since(start) < 80*time.Millisecond {
		t.Fatal("the latency fault added no delay")
	}
}

// Options.Latency gives way to the request's context.
func TestLatencyRespectsContext(t *testing.T) {
	s := New(Options{Latency: time.Hour, WABAs: -1})
	srv := &http.Server{Handler: s}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	hc := &http.Client{Timeout: 100 * time.Millisecond}
	req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+"/v25.0/me", nil)
	req.Header.Set("Authorization", "Bearer "+DemoToken)
	if _, err := hc.Do(req); err == nil {
		t.Fatal("an hour of latency answered within the client timeout")
	}
	// The handler returns once the client is gone; the server then closes at once.
	done := make(chan struct{})
	go func() { srv.Shutdown(t.Context()); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the handler kept sleeping after the client left")
	}
}

func TestFaultMalformedTruncatedOversizedHTML(t *testing.T) {
	c := newTClient(t, Options{WABAs: 300})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"

	c.s.AddFault(Fault{Kind: FaultMalformedJSON, Times: 1})
	r := c.get(path, nil)
	if r.status != 200 || json.Valid(r.body) {
		t.Fatalf("malformed: status %d, valid %v", r.status, json.Valid(r.body))
	}

	c.s.AddFault(Fault{Kind: FaultTruncatedBody, Times: 1})
	if _, err := c.do("GET", testVersion+path, nil, ""); err == nil || !strings.Contains(err.Error(), "EOF") {
		t.Fatalf("truncated body read without an unexpected EOF: %v", err)
	}

	c.s.AddFault(Fault{Kind: FaultOversizedBody, Times: 1})
	r = c.get(path, nil)
	if r.status != 200 || len(r.body) != OversizedBodyBytes || !strings.HasPrefix(string(r.body[:20]), `{"data":[]`) || string(r.body[len(r.body)-2:]) != `"}` {
		t.Fatalf("oversized: status %d, %d bytes", r.status, len(r.body))
	}

	c.s.AddFault(Fault{Kind: FaultHTMLErrorPage, Times: 1})
	r = c.get(path, nil)
	if r.status != 502 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || !strings.Contains(string(r.body), "Bad Gateway") {
		t.Fatalf("html: %d %q %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	ok[graph.Page[graph.WABA]](t, c.get(path, nil))
}

func TestFaultForeignNext(t *testing.T) {
	c := newTClient(t, Options{WABAs: 30})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	c.s.AddFault(Fault{Kind: FaultForeignNext, ForeignHost: "127.0.0.1:9"})
	page := ok[graph.Page[graph.WABA]](t, c.get(path, nil))
	next, err := url.Parse(page.Paging.Next)
	if err != nil || next.Host != "127.0.0.1:9" || next.Query().Get("after") != page.Paging.Cursors.After {
		t.Fatalf("next %q", page.Paging.Next)
	}
	last := ok[graph.Page[graph.WABA]](t, c.get(path, q("after", page.Paging.Cursors.After)))
	if last.HasNext() {
		t.Fatal("the last page grew a next")
	}
}

func TestFaultMatching(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultTransient, Method: "POST"})
	c.s.AddFault(Fault{Kind: FaultExpiredToken, PathContains: "/debug_token", Times: 1})
	ok[graph.Me](t, c.get("/me", nil))
	failed(t, c.get("/debug_token", q("input_token", "x")), 400, 190)
	failed(t, c.post("/1/accept"), 500, 2)
	// The control surface is never faulted.
	resp, err := c.hc.Get(c.srv.URL + "/_sandbox/requests")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("control surface faulted: %v %v", resp, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if f := c.s.Faults(); len(f) != 1 || f[0].Kind != FaultTransient {
		t.Fatalf("faults left %+v", f)
	}
}

func TestFaultKindNames(t *testing.T) {
	for k := FaultTransient; k <= FaultEmptyPage; k++ {
		back, ok := ParseFaultKind(k.String())
		if !ok || back != k || strings.HasPrefix(k.String(), "FaultKind(") {
			t.Errorf("kind %d: name %q parses to %v %v", int(k), k.String(), back, ok)
		}
	}
	if _, ok := ParseFaultKind("nope"); ok {
		t.Error("parsed an unknown kind")
	}
}

func TestFaultEmptyPageStillHasNext(t *testing.T) {
	c := newTClient(t, Options{WABAs: 30})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	c.s.AddFault(Fault{Kind: FaultEmptyPage, Times: 1})
	empty := ok[graph.Page[graph.WABA]](t, c.get(path, q("limit", "20")))
	if len(empty.Data) != 0 || !empty.HasNext() {
		t.Fatalf("empty page %+v", empty)
	}
	// Its after cursor resumes from the start: nothing is skipped.
	ids := wabaIDs(ok[graph.Page[graph.WABA]](t, c.get(path, q("limit", "20", "after", empty.Paging.Cursors.After))).Data)
	if want := wabaIDs(c.s.WABAs()[:20]); strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Fatalf("resumed at %v, want %v", ids, want)
	}
}

func TestFaultExtraFields(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultExtraFields, Times: 1})
	r := c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("fields", graph.SolutionFields, "limit", "2"))
	page := ok[graph.Page[graph.Solution]](t, r)
	var raw struct {
		Data []map[string]json.RawMessage `json:"data"`
	}
	json.Unmarshal(r.body, &raw)
	if len(page.Data) != 2 || page.Data[0].OwnerApp == nil || len(raw.Data) != 2 || raw.Data[0]["sandbox_unknown_field"] == nil ||
		!strings.Contains(string(raw.Data[0]["partners"]), "sandbox_unknown_field") {
		t.Fatalf("extra fields answer %s", r.body)
	}
	want := c.s.Solutions()[0]
	if page.Data[0].Name != want.Name || page.Data[0].Partners[0].PartnerApp.ID != want.Partners[0].PartnerApp.ID {
		t.Fatalf("extra fields changed the known ones: %+v", page.Data[0])
	}
}

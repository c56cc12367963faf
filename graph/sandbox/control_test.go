package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"mps/graph"
)

// ctl calls the control surface without a token.
func ctl(t *testing.T, c *tclient, method, path, body string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, c.srv.URL+"/_sandbox"+path, strings.NewReader(body))
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestControlFaults(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	if code, body := ctl(t, c, "POST", "/faults", `{"kind":"throttle_buc","path_contains":"/me","times":1,"regain_minutes":3}`); code != 201 {
		t.Fatalf("add fault: %d %s", code, body)
	}
	if code, body := ctl(t, c, "POST", "/faults", `{"kind":"latency","latency":"1ms","method":"POST"}`); code != 201 {
		t.Fatalf("add latency: %d %s", code, body)
	}
	code, body := ctl(t, c, "GET", "/faults", "")
	var listed []FaultJSON
	if json.Unmarshal(body, &listed); code != 200 || len(listed) != 2 || listed[0].Kind != FaultThrottleBUC || listed[1].Latency != "1ms" {
		t.Fatalf("list faults: %d %s", code, body)
	}
	failed(t, c.get("/me", nil), 400, 80008)
	ok[graph.Me](t, c.get("/me", nil))
	if code, _ := ctl(t, c, "DELETE", "/faults", ""); code != 204 || len(c.s.Faults()) != 0 {
		t.Fatalf("clear: %d, left %v", code, c.s.Faults())
	}
	for _, bad := range []string{`{"kind":"nope"}`, `{}`, `{"kind":"latency","latency":"soon"}`, `[`} {
		code, body := ctl(t, c, "POST", "/faults", bad)
		var e struct{ Error string }
		if json.Unmarshal(body, &e); code != 400 || e.Error == "" {
			t.Errorf("bad fault %s: %d %s", bad, code, body)
		}
	}
}

func TestControlRequests(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	ok[graph.Me](t, c.get("/me", q("fields", "id")))
	code, body := ctl(t, c, "GET", "/requests", "")
	var reqs []Request
	if err := json.Unmarshal(body, &reqs); err != nil || code != 200 {
		t.Fatalf("requests: %d %s", code, body)
	}
	if len(reqs) != 1 || reqs[0].Path != testVersion+"/me" || reqs[0].RawQuery != "fields=id" ||
		reqs[0].Header.Get("Authorization") != "Bearer "+DemoToken || !reqs[0].At.Equal(fixedNow()) {
		t.Fatalf("logged %+v", reqs)
	}
	if code, _ := ctl(t, c, "DELETE", "/requests", ""); code != 204 || len(c.s.Requests()) != 0 {
		t.Fatal("reset failed")
	}
	if code, _ := ctl(t, c, "GET", "/nope", ""); code != 404 {
		t.Fatalf("unknown control path: %d", code)
	}
}

func TestControlLifeEvents(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	h := recordHooks(c.s)
	code, body := ctl(t, c, "POST", "/incoming", `{"name":"From the control surface"}`)
	var created struct{ ID string }
	if json.Unmarshal(body, &created); code != 201 || created.ID == "" {
		t.Fatalf("incoming: %d %s", code, body)
	}
	code, body = ctl(t, c, "POST", "/solution", `{"id":"`+created.ID+`","name":"renamed","status":"ACTIVE","status_for_pending_request":"NONE"}`)
	if code != 200 {
		t.Fatalf("solution: %d %s", code, body)
	}
	code, body = ctl(t, c, "POST", "/onboard", `{"solution_id":"`+created.ID+`"}`)
	var waba graph.WABA
	if json.Unmarshal(body, &waba); code != 201 || waba.ID == "" {
		t.Fatalf("onboard: %d %s", code, body)
	}
	if code, _ := ctl(t, c, "POST", "/onboard", `{"solution_id":"1"}`); code != 409 {
		t.Fatalf("onboard through nothing: %d", code)
	}
	if code, _ := ctl(t, c, "POST", "/solution", `{"id":"1","name":"x"}`); code != 404 {
		t.Fatalf("unknown solution: %d", code)
	}
	events := []string{}
	for _, p := range h.parsed(t) {
		events = append(events, p.Entry[0].Changes[0].Value.Event)
	}
	if strings.Join(events, ",") != "SOLUTION_CREATED,SOLUTION_UPDATED,PARTNER_ADDED" {
		t.Fatalf("events %v", events)
	}
	got, _ := c.s.Solution(created.ID)
	if got.Name != "renamed" || got.Status != graph.StatusActive || len(c.s.Requests()) != 0 {
		t.Fatalf("solution %+v; control calls logged: %d", got, len(c.s.Requests()))
	}
}

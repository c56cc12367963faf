package sandbox

import (
	"net/http"
	"sync"
	"testing"
)

func TestRequestLog(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { c.get("/me", nil) })
	}
	wg.Wait()
	if _, err := c.do(http.MethodPost, testVersion+"/debug_token", nil, "method=GET&input_token=abc"); err != nil {
		t.Fatal(err)
	}
	reqs := c.s.Requests()
	if len(reqs) != 9 {
		t.Fatalf("logged %d requests, want 9", len(reqs))
	}
	last := reqs[8]
	if last.Method != "POST" || last.Path != testVersion+"/debug_token" || last.Body != "method=GET&input_token=abc" || last.RawQuery != "" {
		t.Fatalf("last request %+v", last)
	}
	// The log hands out copies.
	reqs[0].Header.Set("Authorization", "changed")
	if c.s.Requests()[0].Header.Get("Authorization") != "Bearer "+DemoToken {
		t.Fatal("changing a returned request changed the log")
	}
	c.s.ResetRequests()
	if len(c.s.Requests()) != 0 {
		t.Fatal("reset kept requests")
	}
}

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"mps/graph/sandbox"
)

// elsewhere is a second listener standing for another host: it records
// every request it gets, and whether it carried a token.
type elsewhere struct {
	mu       sync.Mutex
	requests []string
	tokens   int
}

func startElsewhere(t *testing.T) (*elsewhere, string) {
	t.Helper()
	e := &elsewhere{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.requests = append(e.requests, r.Method+" "+r.URL.String())
		if r.Header.Get("Authorization") != "" {
			e.tokens++
		}
		e.mu.Unlock()
		http.Error(w, "not Graph", http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	return e, srv.URL
}

// expectTokenOnlyInHeader checks every call the sandbox got carried the
// token in its Authorization header and nowhere in the URL.
func expectTokenOnlyInHeader(t *testing.T, w *world) {
	t.Helper()
	for _, r := range w.sandbox.Requests() {
		if strings.Contains(r.Path+"?"+r.RawQuery, sandbox.DemoToken) {
			t.Errorf("the token is in a URL: %s?%s", r.Path, r.RawQuery)
		}
		if r.Header.Get("Authorization") != "Bearer "+sandbox.DemoToken {
			t.Errorf("%s %s went without the bearer token", r.Method, r.Path)
		}
	}
}

func (e *elsewhere) expectUntouched(t *testing.T) {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.requests) > 0 || e.tokens > 0 {
		t.Errorf("the other host received %d requests (%d with a token): %q", len(e.requests), e.tokens, e.requests)
	}
}

// Graph's paging.next names another host: mps pages on its own base URL
// with the cursor, so the token never goes there, and the list is whole.
func TestForeignNextNeverFollowed(t *testing.T) {
	t.Parallel()
	const extra = 150 // two pages of solutions at the largest page size
	want := seededSolutions(t) + extra
	foreignNext := func(host string) sandbox.Fault {
		return sandbox.Fault{Kind: sandbox.FaultForeignNext, ForeignHost: host}
	}
	t.Run("command", func(t *testing.T) {
		t.Parallel()
		other, host := startElsewhere(t)
		w := newWorld(t, sandbox.Options{Solutions: extra})
		w.fault(foreignNext(host))
		res := w.run("solutions", "--json")
		if res.code != 0 {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		if got := len(listIDs(t, res)); got != want {
			t.Errorf("listed %d solutions, want %d", got, want)
		}
		if n := len(w.calls(http.MethodGet, solutionsPath)); n < 2 {
			t.Errorf("the list took %d requests; the test needs it to page", n)
		}
		other.expectUntouched(t)
		expectTokenOnlyInHeader(t, w)
	})
	t.Run("dashboard", func(t *testing.T) {
		t.Parallel()
		other, host := startElsewhere(t)
		w := newWorld(t, sandbox.Options{Solutions: extra})
		w.fault(foreignNext(host))
		s := w.settledDashboard(fmt.Sprintf("Solutions (%d)", want))
		s.step("4", "Customers (320)", "320 WABAs") // the customers list pages too (320 WABAs)
		if n := len(w.calls(http.MethodGet, "/client_whatsapp_business_accounts")); n < 4 {
			t.Errorf("the customers took %d requests; 320 WABAs need at least 4 pages", n)
		}
		if n := len(w.calls(http.MethodGet, solutionsPath)); n < 2 {
			t.Errorf("the list took %d requests; the test needs it to page", n)
		}
		other.expectUntouched(t)
		expectTokenOnlyInHeader(t, w)
		s.quit(quitBound)
	})
}

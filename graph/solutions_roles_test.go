package graph_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

// pagesFor is how many pages of 100 a list of n needs (at least one).
func pagesFor(n int) int { return max(1, (n+graph.MaxPageSize-1)/graph.MaxPageSize) }

// Under lists that answer only their default fields, our role still comes
// from Graph: the two role-filtered chains, and no request per solution.
// Without the switch the expansion is kept.
func TestAppSolutionsRoleWithoutExpansion(t *testing.T) {
	for _, defaultsOnly := range []bool{true, false} {
		sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, Solutions: 230, ListDefaultFieldsOnly: defaultsOnly})
		list, err := c.AppSolutions(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{Detailed: true})
		if err != nil || len(list) != len(sb.Solutions()) {
			t.Fatalf("defaults only %v: AppSolutions = %d solutions, %v; the sandbox has %d", defaultsOnly, len(list), err, len(sb.Solutions()))
		}
		owners := 0
		for i := range list {
			s := &list[i]
			want := sb.RoleOf(s.ID)
			if got := graph.RoleOf(s, sandbox.DemoAppID); got != want {
				t.Fatalf("defaults only %v: %q: RoleOf = %s, want %s", defaultsOnly, s.Name, got, want)
			}
			if want == graph.RoleOwner {
				owners++
			}
			if expanded := s.OwnerApp != nil && len(s.Partners) > 0; expanded == defaultsOnly {
				t.Fatalf("defaults only %v: %q expanded = %v", defaultsOnly, s.Name, expanded)
			}
			if i > 0 && graph.CompareIDs(list[i-1].ID, s.ID) >= 0 {
				t.Fatalf("not in ID order at %d: %s then %s", i, list[i-1].ID, s.ID)
			}
		}
		roles := map[string]int{}
		for _, r := range sb.Requests() {
			if !strings.HasSuffix(r.Path, "/"+sandbox.DemoAppID+"/whatsapp_business_solutions") {
				t.Errorf("a request beside the list: %s %s", r.Method, r.Path)
			}
			q, _ := url.ParseQuery(r.RawQuery)
			roles[q.Get("role")]++
		}
		want := map[string]int{"OWNER": pagesFor(owners), "PARTNER": pagesFor(len(list) - owners)}
		if len(roles) != 2 || roles["OWNER"] != want["OWNER"] || roles["PARTNER"] != want["PARTNER"] {
			t.Errorf("defaults only %v: pages per role %v, want %v", defaultsOnly, roles, want)
		}
	}
}

// The two chains run at once: each role's first request is answered only
// once the other's has arrived, so chains read one after the other would
// never finish.
func TestAppSolutionsChainsRunSideBySide(t *testing.T) {
	arrived := map[string]chan struct{}{"OWNER": make(chan struct{}), "PARTNER": make(chan struct{})}
	other := map[string]string{"OWNER": "PARTNER", "PARTNER": "OWNER"}
	c := handlerClient(t, func(w http.ResponseWriter, r *http.Request) {
		role := r.URL.Query().Get("role")
		close(arrived[role])
		select {
		case <-arrived[other[role]]:
		case <-time.After(10 * time.Second):
			http.Error(w, `{"error":{"message":"the other role was never asked","code":2}}`, http.StatusBadRequest)
			return
		}
		id := map[string]string{"OWNER": "2", "PARTNER": "1"}[role]
		w.Write([]byte(`{"data":[{"id":"` + id + `","name":"n","status":"ACTIVE"}]}`))
	}, graph.WithRetryPolicy(graph.RetryPolicy{MaxAttempts: 1}))
	list, err := c.AppSolutions(context.Background(), "9", graph.SolutionQuery{})
	if err != nil || len(list) != 2 || list[0].ListedRole != graph.RolePartner || list[1].ListedRole != graph.RoleOwner {
		t.Fatalf("AppSolutions = %+v, %v", list, err)
	}
}

// The page form says HasNext on every page but the last, across both
// chains, and a consumer that stops early stops both.
func TestAppSolutionPagesAcrossChains(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, Solutions: 30, ListDefaultFieldsOnly: true})
	var pages, items int
	last := false
	for page, err := range c.AppSolutionPages(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{Limit: 10}) {
		if err != nil {
			t.Fatal(err)
		}
		if last {
			t.Fatal("a page came after one that said it was the last")
		}
		if pages == 0 {
			roles := map[graph.Role]bool{}
			for _, s := range page.Data {
				roles[s.ListedRole] = true
			}
			if !roles[graph.RoleOwner] || !roles[graph.RolePartner] {
				t.Fatalf("the first page holds roles %v; want the first page of each chain", roles)
			}
		}
		pages++
		items += len(page.Data)
		last = !page.HasNext()
	}
	if !last || items != len(sb.Solutions()) || pages >= len(sb.Requests()) {
		t.Fatalf("%d pages, %d items (sandbox %d), %d requests; last page said more: %v", pages, items, len(sb.Solutions()), len(sb.Requests()), !last)
	}
	sb.ResetRequests()
	for range c.AppSolutionPages(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{Limit: 10}) {
		break
	}
	// Each chain may have read one page ahead; none goes on after the stop.
	if n := len(sb.Requests()); n > 4 {
		t.Errorf("%d requests after stopping at the first page", n)
	}
}

// A chain's error ends the list with the error and what was read before it.
func TestAppSolutionsChainError(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1}, graph.WithRetryPolicy(graph.RetryPolicy{MaxAttempts: 1}))
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken, PathContains: "whatsapp_business_solutions", Times: 1})
	_, err := c.AppSolutions(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{})
	if graph.ClassOf(err) != graph.ClassAuth {
		t.Fatalf("err = %v, want the expired token", err)
	}
}

// A server that ignored role= would list everything twice; it is listed once.
func TestAppSolutionsListedOnce(t *testing.T) {
	c := handlerClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"data":[{"id":"1","name":"a","status":"ACTIVE"},{"id":"2","name":"b","status":"ACTIVE"}]}`))
	})
	list, err := c.AppSolutions(context.Background(), "9", graph.SolutionQuery{})
	if err != nil || len(list) != 2 {
		t.Fatalf("AppSolutions = %+v, %v", list, err)
	}
}

func TestAppSolutionsBadAppID(t *testing.T) {
	_, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	if _, err := c.AppSolutions(context.Background(), "../me", graph.SolutionQuery{}); err == nil || errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

// Ending the caller's context while one chain waits out a throttle and the
// other has given its first page ends the read at once, with an error: the
// reader used to wait for an arrival that never came (Ctrl-C did not stop
// `mps solutions` while Graph throttled).
func TestAppSolutionsEndsWhenTheCallerStopsDuringAThrottleWait(t *testing.T) {
	// The hang depended on which of two ready cases a select took, so the
	// scene is played several times: without the fix about half of them hang.
	for range 8 {
		stopDuringAThrottleWait(t)
	}
}

func stopDuringAThrottleWait(t *testing.T) {
	t.Helper()
	// The real clock: the owner chain really waits Graph's minute.
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1}, graph.WithClock(graph.SystemClock{}))
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultThrottleBUC, PathContains: "whatsapp_business_solutions", Param: "role=OWNER", Times: 1, RegainMinutes: 1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{})
		done <- err
	}()
	for deadline := time.Now().Add(5 * time.Second); len(sb.Requests()) < 2; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the two role chains did not both ask: %d requests", len(sb.Requests()))
		}
	}
	cancel()
	select {
	case err := <-done:
		// Canceled once the owner chain waits; Graph's 80008 itself when the
		// cancel came while its answer was on the way.
		if err == nil {
			t.Fatal("AppSolutions stopped by its caller returned no error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("AppSolutions did not end within 5s of its context")
	}
}

package graph_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
)

func solutionIDs(list []graph.Solution) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	slices.Sort(out)
	return out
}

func TestSandboxAppSolutions(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, Solutions: 150})
	ctx := context.Background()
	truth := sb.Solutions()
	all, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{Detailed: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(solutionIDs(all), solutionIDs(truth)) {
		t.Fatalf("listed %d solutions, sandbox has %d", len(all), len(truth))
	}
	if n := len(sb.Requests()); n != (len(truth)+99)/100 {
		t.Errorf("requests = %d for %d solutions, want one per page of 100", n, len(truth))
	}
	byID := map[string]graph.Solution{}
	for _, s := range truth {
		byID[s.ID] = s
	}
	for _, s := range all {
		want := byID[s.ID]
		if s.OwnerApp == nil || s.OwnerApp.ID != want.OwnerApp.ID || len(s.Partners) != len(want.Partners) ||
			!slices.Equal(s.OwnerPermissions, want.OwnerPermissions) || s.StateLabel() != want.StateLabel() {
			t.Fatalf("detailed list row %+v, sandbox has %+v", s, want)
		}
	}
	for _, role := range []graph.Role{graph.RoleOwner, graph.RolePartner} {
		list, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{Role: role, Detailed: true, Limit: 25})
		if err != nil || len(list) == 0 {
			t.Fatalf("%v: %v, %d", role, err, len(list))
		}
		for _, s := range list {
			if got := graph.RoleOf(&s, sandbox.DemoAppID); got != role {
				t.Errorf("role filter %v returned %s where we are %v", role, s.ID, got)
			}
		}
	}
	plain, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{})
	if err != nil || len(plain) != len(truth) || plain[0].Status == "" || plain[0].Name == "" {
		t.Fatalf("plain list: %v, %d rows, first %+v", err, len(plain), plain[0])
	}
}

func TestSandboxReads(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{})
	ctx := context.Background()
	truth := sb.Solutions()

	s, err := c.Solution(ctx, truth[0].ID)
	if err != nil || s.ID != truth[0].ID || s.OwnerApp == nil || len(s.Partners) == 0 || s.Partners[0].PartnerApp == nil ||
		len(s.Partners[0].PartnerPermissions) == 0 {
		t.Fatalf("Solution = %+v, %v", s, err)
	}
	rows, err := c.Partners(ctx, truth[0].ID)
	if err != nil || len(rows) != len(truth[0].Partners) || rows[0].PartnerApp.ID != truth[0].Partners[0].PartnerApp.ID {
		t.Fatalf("Partners = %+v, %v", rows, err)
	}

	wabas, err := c.ClientWABAs(ctx, sandbox.DemoBusinessID, nil)
	if err != nil || len(wabas) != len(sb.WABAs()) || len(wabas) < 300 {
		t.Fatalf("ClientWABAs = %d, %v; sandbox has %d", len(wabas), err, len(sb.WABAs()))
	}
	partner := sandbox.DemoPartnerBusinessIDs()[1]
	filtered, err := c.ClientWABAs(ctx, sandbox.DemoBusinessID, []string{partner})
	want := sb.WABAs(partner)
	if err != nil || len(filtered) != len(want) || len(filtered) == 0 || len(filtered) == len(wabas) {
		t.Fatalf("filtered ClientWABAs = %d, %v; sandbox has %d of %d", len(filtered), err, len(want), len(wabas))
	}
	for i := range want {
		if filtered[i] != want[i] {
			t.Fatalf("row %d = %+v, want %+v", i, filtered[i], want[i])
		}
	}

	wantIDs, _ := sb.WABASolutionIDs(wabas[0].ID)
	byWABA, err := c.WABASolutions(ctx, wabas[0].ID)
	if err != nil || len(byWABA) == 0 || !slices.Equal(solutionIDs(byWABA), sortedCopy(wantIDs)) {
		t.Fatalf("WABASolutions = %v, %v; want %v", solutionIDs(byWABA), err, wantIDs)
	}

	me, err := c.Me(ctx)
	if err != nil || me.ID != sandbox.DemoAppID && me.ID == "" {
		t.Fatalf("Me = %+v, %v", me, err)
	}
	info, err := c.DebugToken(ctx)
	if err != nil || !info.IsValid || info.AppID != sandbox.DemoAppID {
		t.Fatalf("DebugToken = %+v, %v", info, err)
	}

	_, err = c.Solution(ctx, "999999999999")
	if graph.ClassOf(err) != graph.ClassInvalid {
		t.Errorf("missing solution: %v (%v)", err, graph.ClassOf(err))
	}
	assertTokenOnlyInHeader(t, sb)
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// assertTokenOnlyInHeader checks the sandbox's log: the token is in the
// Authorization header of each request and in no URL.
func assertTokenOnlyInHeader(t *testing.T, sb *sandbox.Sandbox) {
	t.Helper()
	token := sb.Options().Token
	reqs := sb.Requests()
	if len(reqs) == 0 {
		t.Fatal("no requests logged")
	}
	for _, r := range reqs {
		if strings.Contains(r.Path, token) || strings.Contains(r.RawQuery, token) {
			t.Errorf("token in URL: %s %s?%s", r.Method, r.Path, r.RawQuery)
		}
		if r.Header.Get("Authorization") != "Bearer "+token {
			t.Errorf("%s %s: Authorization = %q", r.Method, r.Path, r.Header.Get("Authorization"))
		}
		if ua := r.Header.Get("User-Agent"); ua != "mps/"+graph.Version {
			t.Errorf("User-Agent = %q", ua)
		}
		if r.Body != "" && !strings.HasSuffix(r.Path, "/debug_token") {
			t.Errorf("%s %s sent a body: %q", r.Method, r.Path, r.Body)
		}
	}
}

// TestSandboxStateMachine tries every action on every seeded solution
// through the client: allowed ones change the state as the guide says,
// refused ones come back as definite Graph errors, and each POST is sent
// once.
func TestSandboxStateMachine(t *testing.T) {
	next := map[graph.Action]graph.State{
		graph.ActionAccept:              graph.StateActive,
		graph.ActionReject:              graph.StateInactive,
		graph.ActionRequestDeactivation: graph.StatePendingDeactivation,
		graph.ActionAcceptDeactivation:  graph.StateDeactivated,
		graph.ActionRejectDeactivation:  graph.StateActive,
	}
	seeded := sandbox.New(sandbox.Options{WABAs: -1}).Solutions()
	allowedSeen := map[graph.Action]bool{}
	for _, seed := range seeded {
		for _, a := range graph.AllActions() {
			sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
			ctx := context.Background()
			before, err := c.Solution(ctx, seed.ID)
			if err != nil {
				t.Fatal(err)
			}
			verdict := graph.Check(a, before.State(), graph.RoleOf(before, sandbox.DemoAppID))
			res, err := c.PostAction(ctx, seed.ID, a)
			after, rerr := c.Solution(ctx, seed.ID)
			if rerr != nil {
				t.Fatal(rerr)
			}
			name := seed.Name + "/" + a.Command()
			if verdict.Allowed {
				allowedSeen[a] = true
				if err != nil || !res.Success {
					t.Errorf("%s: allowed but PostAction = %+v, %v", name, res, err)
				} else if after.State() != next[a] {
					t.Errorf("%s: state %v -> %v, want %v", name, before.State(), after.State(), next[a])
				}
			} else {
				var ge *graph.Error
				if !errors.As(err, &ge) || graph.IsUnknownOutcome(err) || after.StateLabel() != before.StateLabel() {
					t.Errorf("%s: refused (%s) but PostAction = %+v, %v; state %v -> %v", name, verdict.Reason, res, err, before.State(), after.State())
				} else if c := ge.Class(); c != graph.ClassPermission && c != graph.ClassInvalid {
					t.Errorf("%s: refusal class %v", name, c)
				}
			}
			posts := 0
			for _, r := range sb.Requests() {
				if r.Method == http.MethodPost {
					posts++
					if r.Path != "/v25.0/"+seed.ID+"/"+a.Edge() {
						t.Errorf("%s: POST to %s", name, r.Path)
					}
				}
			}
			if posts != 1 {
				t.Errorf("%s: %d POSTs", name, posts)
			}
		}
	}
	for _, a := range graph.AllActions() {
		if !allowedSeen[a] {
			t.Errorf("no seeded solution allows %v: the table does not cover it", a)
		}
	}
}

func TestSandboxTransientFaultsAreRetried(t *testing.T) {
	for _, kind := range []sandbox.FaultKind{sandbox.FaultTransient, sandbox.FaultDropConnection, sandbox.FaultTruncatedBody} {
		t.Run(kind.String(), func(t *testing.T) {
			sb, c := sandboxClient(t, sandbox.Options{WABAs: -1},
				graph.WithHTTPClient(&http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}))
			sb.AddFault(sandbox.Fault{Kind: kind, Method: http.MethodGet, Times: 2})
			// One role's chain: one request, retried.
			list, err := c.AppSolutions(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{Role: graph.RoleOwner})
			if err != nil || len(list) == 0 || len(list) >= len(sb.Solutions()) {
				t.Fatalf("AppSolutions = %d, %v", len(list), err)
			}
			if n := len(sb.Requests()); n != 3 {
				t.Errorf("requests = %d, want 3 (two faults, then the answer)", n)
			}
		})
	}
}

func TestSandboxBrokenAnswers(t *testing.T) {
	for _, kind := range []sandbox.FaultKind{sandbox.FaultMalformedJSON, sandbox.FaultOversizedBody, sandbox.FaultHTMLErrorPage, sandbox.FaultExpiredToken} {
		t.Run(kind.String(), func(t *testing.T) {
			sb, c := sandboxClient(t, sandbox.Options{WABAs: -1}, graph.WithRetryPolicy(graph.RetryPolicy{MaxAttempts: 1}))
			sb.AddFault(sandbox.Fault{Kind: kind})
			_, err := c.AppSolutions(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{})
			if err == nil {
				t.Fatal("no error")
			}
			want := map[sandbox.FaultKind]string{
				sandbox.FaultMalformedJSON: "not valid JSON",
				sandbox.FaultOversizedBody: "response too large",
				sandbox.FaultHTMLErrorPage: "HTTP 502: the response was not JSON",
				sandbox.FaultExpiredToken:  "190/463",
			}[kind]
			if !strings.Contains(err.Error(), want) || graph.Hint(err) == "" {
				t.Errorf("err = %q, want it to say %q", err, want)
			}
			if kind == sandbox.FaultExpiredToken && (graph.ClassOf(err) != graph.ClassAuth || !strings.Contains(graph.Hint(err), "mps login")) {
				t.Errorf("expired token: class %v, hint %q", graph.ClassOf(err), graph.Hint(err))
			}
		})
	}
}

func TestSandboxThrottle(t *testing.T) {
	clock := graph.NewFakeClock()
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1}, graph.WithClock(clock))
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultThrottleBUC, RegainMinutes: 2, Times: 1})
	if _, err := c.AppSolutions(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{Role: graph.RoleOwner}); err != nil {
		t.Fatal(err)
	}
	if w := clock.Waits(); len(w) != 1 || w[0] != 2*time.Minute {
		t.Errorf("waits = %v, want [2m0s]", w)
	}
	if n := len(sb.Requests()); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}

	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultThrottleAppLevel})
	sb.ResetRequests()
	_, err := c.AppSolutions(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{Role: graph.RoleOwner})
	if graph.ClassOf(err) != graph.ClassThrottled {
		t.Fatalf("err = %v, want throttled", err)
	}
	if n := len(sb.Requests()); n != graph.DefaultRetryPolicy().MaxAttempts {
		t.Errorf("requests = %d while throttled, want at most %d", n, graph.DefaultRetryPolicy().MaxAttempts)
	}
	if u := c.Usage(); u.App == nil || u.App.CallCount != 100 {
		t.Errorf("usage = %+v, want X-App-Usage at 100%%", u.App)
	}
}

func TestSandboxDropAfterApplyIsUnknownOutcome(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	ctx := context.Background()
	var pending graph.Solution
	for _, s := range sb.Solutions() {
		if s.State() == graph.StatePending && graph.RoleOf(&s, sandbox.DemoAppID) == graph.RolePartner {
			pending = s
			break
		}
	}
	if pending.ID == "" {
		t.Fatal("the sandbox has no pending request for us")
	}
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultDropAfterApply, Method: http.MethodPost})
	_, err := c.PostAction(ctx, pending.ID, graph.ActionAccept)
	if !graph.IsUnknownOutcome(err) || !strings.Contains(err.Error(), "outcome unknown: read the solution again before retrying") {
		t.Fatalf("err = %v, want an unknown outcome", err)
	}
	if posts := len(sb.Posts()); posts != 1 {
		t.Errorf("POSTs = %d, want exactly 1", posts)
	}
	after, err := c.Solution(ctx, pending.ID)
	if err != nil || after.State() != graph.StateActive {
		t.Errorf("read again: %+v, %v; the accept took effect", after, err)
	}
}

// TestSandboxForeignNext points paging.next at a second listener, as a
// hostile or misconfigured server might, and checks that nothing reaches it.
func TestSandboxForeignNext(t *testing.T) {
	var hits atomic.Int32
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`{"data":[]}`))
	}))
	defer foreign.Close()
	sb, c := sandboxClient(t, sandbox.Options{})
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultForeignNext, ForeignHost: foreign.URL})
	wabas, err := c.ClientWABAs(context.Background(), sandbox.DemoBusinessID, nil)
	if err != nil || len(wabas) != len(sb.WABAs()) {
		t.Fatalf("ClientWABAs = %d, %v", len(wabas), err)
	}
	foreign.Close()
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests reached the foreign host", n)
	}
	if n := len(sb.Requests()); n != (len(wabas)+99)/100 {
		t.Errorf("requests = %d", n)
	}
	assertTokenOnlyInHeader(t, sb)
}

func TestSandboxAppSecretProof(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: 10, AppSecret: "demo-app-secret"}, graph.WithAppSecret("demo-app-secret"))
	ctx := context.Background()
	if _, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{}); err != nil {
		t.Fatalf("with the right secret: %v", err)
	}
	if _, err := c.DebugToken(ctx); err != nil {
		t.Fatalf("debug_token with the right secret: %v", err)
	}
	_, wrong := sandboxClient(t, sandbox.Options{WABAs: 10, AppSecret: "demo-app-secret"}, graph.WithAppSecret("not-it"))
	if _, err := wrong.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{}); err == nil {
		t.Error("a wrong appsecret_proof was accepted")
	}
	assertTokenOnlyInHeader(t, sb)
}

func TestSandboxWrongToken(t *testing.T) {
	_, srv := sandboxtest.Start(t, sandbox.Options{WABAs: -1})
	c := newClient(t, srv.URL, "EAAwrongwrongwrongwrongwrongwrong", graph.WithClock(graph.NewFakeClock()))
	_, err := c.Me(context.Background())
	if graph.ClassOf(err) != graph.ClassAuth || strings.Contains(err.Error(), "EAAwrongwrong") {
		t.Errorf("err = %v (class %v)", err, graph.ClassOf(err))
	}
}

func TestSandboxConcurrentUse(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{})
	ctx := context.Background()
	done := make(chan error, 8)
	for i := range 8 {
		go func() {
			var err error
			if i%2 == 0 {
				_, err = c.ClientWABAs(ctx, sandbox.DemoBusinessID, nil)
			} else {
				_, err = c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{Detailed: true})
			}
			_ = c.Usage()
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	assertTokenOnlyInHeader(t, sb)
}

func TestSandboxCancelInFlight(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, Latency: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{Role: graph.RoleOwner})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Fatalf("err = %v after %v, want the deadline, promptly", err, time.Since(start))
	}
	if n := len(sb.Requests()); n != 1 {
		t.Errorf("requests = %d: a cancelled call was retried", n)
	}
}

func TestSandboxEmptyPageWithNext(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{})
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultEmptyPage, Times: 2})
	var sizes []int
	var all []graph.WABA
	for page, err := range c.ClientWABAPages(context.Background(), sandbox.DemoBusinessID, nil) {
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(page.Data))
		all = append(all, page.Data...)
	}
	if len(all) != len(sb.WABAs()) || sizes[0] != 0 || sizes[1] != 0 {
		t.Fatalf("read %d of %d WABAs in pages %v; want two empty pages first", len(all), len(sb.WABAs()), sizes)
	}
}

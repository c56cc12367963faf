package graph

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func transient500() reply {
	return reply{status: 500, body: `{"error":{"message":"Service temporarily unavailable","type":"OAuthException","code":2,"is_transient":true,"fbtrace_id":"T1"}}`}
}

func okSolution() reply { return reply{body: `{"id":"123","name":"S","status":"ACTIVE"}`} }

func bucHeader(minutes int) map[string]string {
	return map[string]string{"X-Business-Use-Case-Usage": `{"123":[{"type":"whatsapp_business_management","call_count":100,` +
		`"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":` + strconv.Itoa(minutes) + `}]}`}
}

func TestGETRetriedAfterTransientFaults(t *testing.T) {
	// The drop comes first, on a fresh connection: on a reused one Go's
	// transport would retry the GET by itself before the client sees it.
	srv := newStub(t, sequence(reply{drop: true}, transient500(), okSolution()))
	c, clock := newTestClient(t, srv)
	s, err := c.Solution(context.Background(), "123")
	if err != nil || s.ID != "123" {
		t.Fatalf("Solution = %v, %v", s, err)
	}
	if n := len(srv.requests()); n != 3 {
		t.Errorf("requests = %d, want 3", n)
	}
	waits := clock.Waits()
	p := testPolicy()
	if len(waits) != 2 {
		t.Fatalf("waits = %v, want 2", waits)
	}
	for i, w := range waits {
		ceiling := min(p.BaseDelay<<i, p.MaxDelay)
		if w < ceiling/2 || w > ceiling {
			t.Errorf("wait %d = %v, want within [%v, %v]", i, w, ceiling/2, ceiling)
		}
	}
}

// readUntilGivenUp answers every request with rep, reads a solution, and
// fails t unless the read ends in class after all of testPolicy's attempts.
func readUntilGivenUp(t *testing.T, rep reply, class Class) (*Client, *fakeClock) {
	t.Helper()
	srv := newStub(t, always(rep))
	c, clock := newTestClient(t, srv)
	_, err := c.Solution(context.Background(), "123")
	if ClassOf(err) != class {
		t.Fatalf("err = %v, want %v", err, class)
	}
	if n := len(srv.requests()); n != testPolicy().MaxAttempts {
		t.Errorf("requests = %d, want %d (bounded)", n, testPolicy().MaxAttempts)
	}
	return c, clock
}

func TestRetriesAreBounded(t *testing.T) {
	_, clock := readUntilGivenUp(t, transient500(), ClassTransient)
	if n := len(clock.Waits()); n != testPolicy().MaxAttempts-1 {
		t.Errorf("waits = %d", n)
	}
}

func TestRetriesBoundedInTime(t *testing.T) {
	srv := newStub(t, always(transient500()))
	p := RetryPolicy{MaxAttempts: 50, BaseDelay: time.Second, MaxDelay: 4 * time.Second, MaxElapsed: 10 * time.Second, MaxThrottle: time.Minute}
	c, clock := newTestClient(t, srv, WithRetryPolicy(p))
	start := clock.Now()
	if _, err := c.Solution(context.Background(), "123"); err == nil {
		t.Fatal("no error")
	}
	if spent := clock.Now().Sub(start); spent > p.MaxElapsed {
		t.Errorf("spent %v waiting, over MaxElapsed %v", spent, p.MaxElapsed)
	}
	if n := len(srv.requests()); n < 2 || n > 10 {
		t.Errorf("requests = %d, want a handful", n)
	}
}

func TestNotRetried(t *testing.T) {
	for _, rep := range []reply{
		{status: 400, body: graphErrorBody(190, 463, "Session has expired")},
		{status: 400, body: graphErrorBody(100, 33, "Unsupported get request")},
		{status: 403, body: graphErrorBody(200, 0, "Permissions error")},
		{body: "not json"},
	} {
		srv := newStub(t, always(rep))
		c, _ := newTestClient(t, srv)
		if _, err := c.Solution(context.Background(), "123"); err == nil {
			t.Fatalf("%s: no error", rep.body)
		}
		if n := len(srv.requests()); n != 1 {
			t.Errorf("%s: requests = %d, want 1", rep.body, n)
		}
	}
}

func TestThrottleWaitsAsTheHeaderSays(t *testing.T) {
	throttled := reply{status: 400, header: bucHeader(2), body: graphErrorBody(80008, 0, "Too many calls")}
	srv := newStub(t, sequence(throttled, okSolution()))
	c, clock := newTestClient(t, srv)
	if _, err := c.Solution(context.Background(), "123"); err != nil {
		t.Fatal(err)
	}
	if waits := clock.Waits(); len(waits) != 1 || waits[0] != 2*time.Minute {
		t.Errorf("waits = %v, want [2m0s]", waits)
	}
	if n := len(srv.requests()); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
	if u := c.Usage(); !u.ThrottledUntil.IsZero() {
		t.Errorf("ThrottledUntil = %v after success, want zero", u.ThrottledUntil)
	}
}

func TestThrottleNoticeBeforeEachWait(t *testing.T) {
	throttled := reply{status: 400, header: bucHeader(2), body: graphErrorBody(80008, 0, "Too many calls")}
	srv := newStub(t, sequence(transient500(), throttled, okSolution()))
	var told []time.Duration
	c, _ := newTestClient(t, srv, WithThrottleNotice(func(wait time.Duration) { told = append(told, wait) }))
	if _, err := c.Solution(context.Background(), "123"); err != nil {
		t.Fatal(err)
	}
	if len(told) != 1 || told[0] != 2*time.Minute {
		t.Errorf("notices = %v, want one of 2m0s (the transient retry is not a throttle)", told)
	}
}

func TestThrottleBeyondBoundGivesUp(t *testing.T) {
	srv := newStub(t, always(reply{status: 400, header: bucHeader(30), body: graphErrorBody(80008, 0, "Too many calls")}))
	c, clock := newTestClient(t, srv)
	_, err := c.Solution(context.Background(), "123")
	var ge *Error
	if !errors.As(err, &ge) || ge.RetryAfter != 30*time.Minute || ClassOf(err) != ClassThrottled {
		t.Fatalf("err = %v, want throttled with RetryAfter 30m", err)
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("requests = %d, want 1 (the wait is over MaxThrottle)", n)
	}
	if got, want := c.Usage().ThrottledUntil, clock.Now().Add(30*time.Minute); !got.Equal(want) {
		t.Errorf("ThrottledUntil = %v, want %v", got, want)
	}
	if !strings.Contains(Hint(err), "wait about 30m0s") {
		t.Errorf("hint = %q", Hint(err))
	}
}

func TestThrottleWithoutHeaderBacksOff(t *testing.T) {
	c, clock := readUntilGivenUp(t, reply{status: 403, body: graphErrorBody(4, 0, "Application request limit reached")}, ClassThrottled)
	for _, w := range clock.Waits() {
		if w > testPolicy().MaxDelay {
			t.Errorf("wait %v over MaxDelay", w)
		}
	}
	// Having given up, the client holds off for ThrottleFallback, not for
	// the length of its last backoff.
	if got, want := c.Usage().ThrottledUntil, clock.Now().Add(ThrottleFallback); !got.Equal(want) {
		t.Errorf("ThrottledUntil after giving up = %v, want %v", got, want)
	}
}

// A throttle deadline only moves later: another call's shorter throttle
// does not cut the countdown of a longer one.
func TestShorterThrottleDoesNotCutALongerOne(t *testing.T) {
	srv := newStub(t, func(_ int, r *http.Request) reply {
		if strings.HasSuffix(r.URL.Path, "/123") {
			return reply{status: 400, header: bucHeader(30), body: graphErrorBody(80008, 0, "Too many calls")}
		}
		return reply{status: 403, body: graphErrorBody(4, 0, "Application request limit reached")}
	})
	c, clock := newTestClient(t, srv)
	if _, err := c.Solution(context.Background(), "123"); ClassOf(err) != ClassThrottled {
		t.Fatalf("err = %v", err)
	}
	want := clock.Now().Add(30 * time.Minute)
	if _, err := c.Solution(context.Background(), "456"); ClassOf(err) != ClassThrottled {
		t.Fatalf("err = %v", err)
	}
	if got := c.Usage().ThrottledUntil; !got.Equal(want) {
		t.Errorf("ThrottledUntil = %v, want the longer %v", got, want)
	}
}

func TestCancelStopsThrottleWait(t *testing.T) {
	srv := newStub(t, always(reply{status: 400, header: bucHeader(3), body: graphErrorBody(80008, 0, "Too many calls")}))
	c, clock := newTestClient(t, srv)
	clock.block = true
	ctx, cancel := context.WithCancel(context.Background())
	done := solutionInBackground(ctx, c, "123")
	if w := <-clock.waited; w != 3*time.Minute {
		t.Errorf("wait = %v, want 3m", w)
	}
	if got, want := c.Usage().ThrottledUntil, clock.Now().Add(3*time.Minute); !got.Equal(want) {
		t.Errorf("ThrottledUntil while waiting = %v, want %v", got, want)
	}
	cancel()
	select {
	case err := <-done:
		var ge *Error
		if !errors.Is(err, context.Canceled) || !errors.As(err, &ge) || ge.Code != 80008 {
			t.Errorf("err = %v, want context.Canceled carrying the throttle error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancel did not stop the wait")
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

// One call waiting out a throttle keeps the countdown while other calls
// succeed; it ends when that call stops waiting.
func TestThrottleCountdownOutlivesOtherCalls(t *testing.T) {
	throttled := reply{status: 400, header: bucHeader(3), body: graphErrorBody(80008, 0, "Too many calls")}
	srv := newStub(t, func(_ int, r *http.Request) reply {
		if strings.HasSuffix(r.URL.Path, "/123") {
			return throttled
		}
		return okSolution()
	})
	c, clock := newTestClient(t, srv)
	clock.block = true
	ctx, cancel := context.WithCancel(context.Background())
	done := solutionInBackground(ctx, c, "123")
	<-clock.waited
	want := clock.Now().Add(3 * time.Minute)
	if _, err := c.Solution(context.Background(), "456"); err != nil {
		t.Fatal(err)
	}
	if got := c.Usage().ThrottledUntil; !got.Equal(want) {
		t.Errorf("ThrottledUntil after another call succeeded = %v, want %v (the throttled call still waits)", got, want)
	}
	cancel()
	<-done
	if got := c.Usage().ThrottledUntil; !got.IsZero() {
		t.Errorf("ThrottledUntil after the waiting call stopped = %v, want zero", got)
	}
}

// solutionInBackground reads a solution in a goroutine; its error arrives on
// the channel.
func solutionInBackground(ctx context.Context, c *Client, id string) <-chan error {
	done := make(chan error, 1)
	go func() {
		_, err := c.Solution(ctx, id)
		done <- err
	}()
	return done
}

func TestUsageHeaders(t *testing.T) {
	srv := newStub(t, sequence(
		reply{header: map[string]string{
			"X-App-Usage":               `{"call_count":28,"total_time":25,"total_cputime":24}`,
			"X-Business-Use-Case-Usage": bucHeader(0)["X-Business-Use-Case-Usage"],
		}, body: `{"id":"1"}`},
		reply{header: map[string]string{"X-App-Usage": `not json`}, body: `{"id":"1"}`},
	))
	c, clock := newTestClient(t, srv)
	if _, err := c.Me(context.Background()); err != nil {
		t.Fatal(err)
	}
	u := c.Usage()
	if u.App == nil || *u.App != (AppUsage{CallCount: 28, TotalTime: 25, TotalCPUTime: 24}) || !u.At.Equal(clock.Now()) {
		t.Fatalf("usage = %+v", u)
	}
	if b := u.BusinessUseCase["123"]; len(b) != 1 || b[0].Type != "whatsapp_business_management" || b[0].CallCount != 100 {
		t.Errorf("business use case = %+v", u.BusinessUseCase)
	}
	u.App.CallCount = 99 // a copy: the client's own value must not change
	if c.Usage().App.CallCount != 28 {
		t.Error("Usage returned shared state")
	}
	if _, err := c.Me(context.Background()); err != nil {
		t.Fatal(err)
	}
	if u := c.Usage(); u.App != nil || u.BusinessUseCase != nil {
		t.Errorf("unreadable or absent headers should clear usage: %+v", u)
	}
}

func TestRegainAccessIn(t *testing.T) {
	buc := ParseBUCUsage(`{"1":[{"estimated_time_to_regain_access":3}],"2":[{"estimated_time_to_regain_access":7},{"estimated_time_to_regain_access":1}]}`)
	if got := RegainAccessIn(buc); got != 7*time.Minute {
		t.Errorf("RegainAccessIn = %v, want 7m", got)
	}
	if got := RegainAccessIn(ParseBUCUsage(`{"1":[{"estimated_time_to_regain_access":99999999999}]}`)); got != 7*24*time.Hour {
		t.Errorf("absurd wait = %v, want capped at a week", got)
	}
	if ParseBUCUsage(`[1,2]`) != nil || ParseBUCUsage("") != nil || ParseAppUsage("{") != nil {
		t.Error("bad headers parsed")
	}
}

func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: 2 * time.Second}
	for attempt := 1; attempt <= 70; attempt++ {
		ceiling := p.MaxDelay
		if attempt < 6 {
			ceiling = min(p.BaseDelay<<(attempt-1), p.MaxDelay)
		}
		for range 20 {
			if d := backoff(p, attempt); d < ceiling/2 || d > ceiling {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", attempt, d, ceiling/2, ceiling)
			}
		}
	}
	if d := backoff(RetryPolicy{}, 3); d != 0 {
		t.Errorf("zero policy backoff = %v", d)
	}
}

package graph_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"mps/graph"
)

// The caller's context is far longer than the timeout: without a timeout of
// its own, the read would run until the caller gave up.
func TestReadFromAServerThatNeverAnswersTimesOutOnceNamingHostAndTimeout(t *testing.T) {
	c, host, accepted := silentClient(t, 150*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.AppSolutions(ctx, "123", graph.SolutionQuery{})
	if ctx.Err() != nil {
		t.Fatalf("the read ran until the caller gave up: %v", err)
	}
	want := host + " did not answer within 150ms"
	if err == nil || !strings.Contains(err.Error(), want) || !graph.IsTimeout(err) {
		t.Fatalf("err = %v, want a timeout saying %q", err, want)
	}
	if hint := graph.Hint(err); !strings.Contains(hint, "--timeout") {
		t.Errorf("hint %q does not say how to raise the timeout", hint)
	}
	// One connection for each role chain (owner, partner), none retried.
	if n := accepted(); n != 2 {
		t.Errorf("%d connections for one read of two role chains, want 2: a timeout was retried", n)
	}
}

func TestActionPOSTThatTimesOutAfterSendingHasAnUnknownOutcome(t *testing.T) {
	c, host, accepted := silentClient(t, 150*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.PostAction(ctx, "123", graph.ActionAccept)
	if ctx.Err() != nil {
		t.Fatalf("the POST ran until the caller gave up: %v", err)
	}
	if !graph.IsUnknownOutcome(err) || !strings.Contains(err.Error(), host+" did not answer within 150ms") {
		t.Fatalf("err = %v, want an unknown outcome naming the host and the timeout", err)
	}
	if hint := graph.Hint(err); !strings.Contains(hint, "read the solution again") {
		t.Errorf("hint %q", hint)
	}
	if n := accepted(); n != 1 {
		t.Errorf("POST sent over %d connections", n)
	}
}

func TestTimeoutMustBePositive(t *testing.T) {
	for _, d := range []time.Duration{0, -time.Second} {
		if _, err := graph.New(graph.WithTimeout(d)); err == nil {
			t.Errorf("WithTimeout(%s) accepted", d)
		}
	}
}

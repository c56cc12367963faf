package graph_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

// A request that got no answer is logged too, with why.
func TestDebugLogRecordsARequestWithoutAnAnswer(t *testing.T) {
	var log bytes.Buffer // written on the calling goroutine
	c, _, _ := silentClient(t, 100*time.Millisecond, graph.WithDebugLog(&log), graph.WithAppSecret("s3cretForTheProof"))
	if _, err := c.Solution(context.Background(), "123"); !graph.IsTimeout(err) {
		t.Fatalf("err = %v", err)
	}
	line := log.String()
	for _, want := range []string{" GET /v25.0/123?appsecret_proof=[redacted]&fields=id,name,", " status=- ", " retry=0 ",
		`did not answer within 100ms"`} {
		if !strings.Contains(line, want) {
			t.Errorf("log %q lacks %q", line, want)
		}
	}
	if strings.Count(line, "\n") != 1 || strings.Contains(line, sandbox.DemoToken) || strings.Contains(line, "s3cret") {
		t.Errorf("log %q", line)
	}
}

func TestDebugLogTakesTheTraceIDFromTheErrorBody(t *testing.T) {
	var log bytes.Buffer // written on the calling goroutine
	sb, c := sandboxClient(t, sandbox.Options{}, graph.WithDebugLog(&log))
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken})
	_, err := c.Me(context.Background())
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.FBTraceID == "" {
		t.Fatalf("err = %v", err)
	}
	if line := log.String(); !strings.Contains(line, " status=400 ") || !strings.Contains(line, " fbtrace_id="+ge.FBTraceID+" ") {
		t.Errorf("log %q lacks the status and fbtrace_id %s", line, ge.FBTraceID)
	}
}

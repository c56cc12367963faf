package e2e

import (
	"net/http"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// Answers that are not Graph's JSON (broken, cut short, huge, or a proxy's
// error page) give a clear error, never a crash, and are not retried
// beyond the policy.
func TestBadBodies(t *testing.T) {
	t.Parallel()
	maxAttempts := graph.DefaultRetryPolicy().MaxAttempts
	cases := []struct {
		name string
		kind sandbox.FaultKind
		says []string // what the error says, as a person reads it
	}{
		{"malformed JSON", sandbox.FaultMalformedJSON, []string{"HTTP 200", "not valid JSON"}},
		{"truncated body", sandbox.FaultTruncatedBody, []string{"reading the answer"}},
		{"oversized body", sandbox.FaultOversizedBody, []string{"too large"}},
		{"HTML error page", sandbox.FaultHTMLErrorPage, []string{"HTTP 502", "not JSON", "text/html", "proxy"}},
	}
	for _, tc := range cases {
		fault := sandbox.Fault{Kind: tc.kind, Method: http.MethodGet, PathContains: solutionsPath, Param: ownerChain}
		t.Run("command/"+tc.name, func(t *testing.T) {
			w := parallelWorld(t)
			w.fault(fault)
			res := w.run("solutions", "--json")
			if res.code != 1 {
				t.Errorf("exit %d, want 1", res.code)
			}
			if res.stdout != "" {
				t.Errorf("stdout should stay empty for scripts, got %q", res.stdout)
			}
			expectOneErrorLine(t, res, tc.says...)
			if n := len(w.listCalls()); n < 1 || n > maxAttempts {
				t.Errorf("the list was asked for %d times, want 1 to %d", n, maxAttempts)
			}
		})
		t.Run("dashboard/"+tc.name, func(t *testing.T) {
			w := parallelWorld(t)
			w.fault(fault)
			s := w.startDashboard()
			screen := s.waitFor("Loading solutions failed")
			for _, want := range tc.says {
				if !strings.Contains(flat(screen), want) {
					t.Errorf("the error lacks %q:\n%s", want, screen)
				}
			}
			// Still running and still answering keys.
			s.step("2", "need us")
			s.alive()
			s.quit(quitBound)
		})
	}
}

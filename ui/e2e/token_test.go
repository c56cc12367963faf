package e2e

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

func expiredToken(method, part string) sandbox.Fault {
	return sandbox.Fault{Kind: sandbox.FaultExpiredToken, Method: method, PathContains: part}
}

// A token that expires between calls: commands exit 4 and say how to log
// in again; the dashboard says so too and keeps the rows it had.
func TestTokenExpiresMidSession(t *testing.T) {
	t.Parallel()
	t.Run("command read", func(t *testing.T) {
		w := parallelWorld(t)
		w.fault(expiredToken("", ""))
		res := w.run("solutions", "--json")
		if res.code != 4 {
			t.Errorf("exit %d, want 4", res.code)
		}
		// The world's token is MPS_TOKEN, where `mps login` is refused.
		expectOneErrorLine(t, res, "expired", "set MPS_TOKEN to a new token")
		if strings.Contains(res.stderr, "mps login") {
			t.Errorf("the hint suggests `mps login` while MPS_TOKEN is set: %s", res.stderr)
		}
		expectNoRetry(t, w.calls("", ""))
	})
	t.Run("command action", func(t *testing.T) {
		w := parallelWorld(t)
		// The solution is read with a good token; the POST finds it expired.
		w.fault(expiredToken(http.MethodPost, "/accept"))
		res := w.run("accept", pendingForUs, "--yes")
		if res.code != 4 {
			t.Errorf("exit %d, want 4", res.code)
		}
		expectOneErrorLine(t, res, "expired", "set MPS_TOKEN to a new token")
		if n := len(w.calls(http.MethodPost, "")); n != 1 {
			t.Errorf("%d POSTs, want 1", n)
		}
		if got := solutionStatus(t, w.sandbox, pendingForUs); got == graph.StatusActive {
			t.Errorf("the refused accept took effect")
		}
	})
	t.Run("dashboard", func(t *testing.T) {
		w := parallelWorld(t)
		s := w.settledDashboard("Solutions (13)", "Social OVD with Nort")
		w.fault(expiredToken("", ""))
		before := len(w.calls("", ""))
		screen := s.step("r", "token was refused")
		msg := flat(screen)
		for _, want := range []string{"expired", "set MPS_TOKEN to a new token"} {
			if !strings.Contains(msg, want) {
				t.Errorf("the message lacks %q:\n%s", want, screen)
			}
		}
		for _, kept := range []string{"Solutions (13)", "Social OVD with Nort", "Northwind Flows beta"} {
			if !strings.Contains(screen, kept) {
				t.Errorf("the rows were lost after the refusal (no %q):\n%s", kept, screen)
			}
		}
		// The customers' pages may still be arriving in the background: the
		// refresh's own calls are the solution list's; none is sent twice.
		after := w.calls("", "")[before:]
		expectNoneSentTwice(t, after)
		expectNoRetry(t, slices.DeleteFunc(after, func(r sandbox.Request) bool { return !strings.Contains(r.Path, solutionsPath) }))
		s.alive()
		s.quit(quitBound)
	})
}

// expectNoRetry checks that a refused token was sent once per request: the
// list's two role chains may each have asked once, neither twice.
func expectNoRetry(t *testing.T, calls []sandbox.Request) {
	t.Helper()
	expectNoneSentTwice(t, calls)
	if len(calls) == 0 || len(calls) > 2 {
		t.Errorf("%d calls, want one or two (the list's role chains)", len(calls))
	}
}

// expectNoneSentTwice checks that no request was sent again.
func expectNoneSentTwice(t *testing.T, calls []sandbox.Request) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range calls {
		if seen[c.Path+"?"+c.RawQuery] {
			t.Errorf("%s %s?%s was sent again: a refused token is not retried", c.Method, c.Path, c.RawQuery)
		}
		seen[c.Path+"?"+c.RawQuery] = true
	}
}

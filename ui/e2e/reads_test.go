package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// seededSolutions is how many solutions the demo data set lists for us.
func seededSolutions(t *testing.T) int {
	t.Helper()
	sb := sandbox.New(sandbox.Options{})
	return len(sb.Solutions())
}

// listIDs decodes `mps solutions --json` into its IDs.
func listIDs(t *testing.T, res cliResult) []string {
	t.Helper()
	var items []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &items); err != nil {
		t.Fatalf("stdout is not a JSON list (exit %d): %v\n%s\nstderr: %s", res.code, err, res.stdout, res.stderr)
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

// A read that fails transiently or loses its connection is retried within
// the policy's bound, and the list loads as if nothing happened.
func TestFlakyReadsStillLoad(t *testing.T) {
	t.Parallel()
	maxAttempts := graph.DefaultRetryPolicy().MaxAttempts
	faults := []struct {
		name  string
		fault sandbox.Fault
	}{
		{"transient 500 code 2", sandbox.Fault{Kind: sandbox.FaultTransient, Method: http.MethodGet, PathContains: solutionsPath, Param: ownerChain, Times: 2}},
		{"dropped connection", sandbox.Fault{Kind: sandbox.FaultDropConnection, Method: http.MethodGet, PathContains: solutionsPath, Param: ownerChain, Times: 1}},
	}
	for _, tc := range faults {
		t.Run("command/"+tc.name, func(t *testing.T) {
			w := parallelWorld(t)
			w.fault(tc.fault)
			res := w.run("solutions", "--json")
			if res.code != 0 {
				t.Fatalf("exit %d, stderr: %s", res.code, res.stderr)
			}
			if got, want := len(listIDs(t, res)), seededSolutions(t); got != want {
				t.Errorf("listed %d solutions, want %d", got, want)
			}
			sent := len(w.listCalls())
			if sent != tc.fault.Times+1 || sent > maxAttempts {
				t.Errorf("the list was asked for %d times; want %d (the faulty ones and one more), within the policy's %d attempts",
					sent, tc.fault.Times+1, maxAttempts)
			}
		})
		t.Run("dashboard/"+tc.name, func(t *testing.T) {
			w := parallelWorld(t)
			w.fault(tc.fault)
			s := w.settledDashboard(fmt.Sprintf("Solutions (%d)", seededSolutions(t)), "Social OVD with Nort")
			w.expectListReads(tc.fault.Times+1, "the faulty ones and one more")
			if got := s.text(); containsAny(got, "failed", "error") {
				t.Errorf("a retried read still showed an error:\n%s", got)
			}
			s.quit(quitBound)
		})
	}
}

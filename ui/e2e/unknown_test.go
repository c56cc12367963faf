package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"mps/graph/sandbox"
)

// A solution from a newer API: a status, pending request and permission
// nobody knows yet, and extra fields on every object.
const (
	futureName       = "Zeta future solution"
	futureStatus     = "QUANTUM_PENDING"
	futurePending    = "PENDING_TELEPORT"
	futurePermission = "MANAGE_HOLOGRAMS"
)

func futureWorld(t *testing.T) (*world, string) {
	t.Helper()
	w := parallelWorld(t)
	id := w.sandbox.AddSolution(sandbox.SolutionSpec{
		Name: futureName, Status: futureStatus, Pending: futurePending,
		OwnerPermissions:   []string{"MANAGE", futurePermission},
		PartnerPermissions: []string{"DEVELOP", futurePermission},
	})
	w.fault(sandbox.Fault{Kind: sandbox.FaultExtraFields})
	return w, id
}

// Unknown values are shown as they are, in the list and the detail, as
// JSON and as tables; extra fields change nothing.
func TestUnknownValuesShownAsTheyAre(t *testing.T) {
	t.Parallel()
	t.Run("command", func(t *testing.T) {
		w, id := futureWorld(t)
		res := w.run("solutions", "--json")
		if res.code != 0 {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		var list []map[string]any
		if err := json.Unmarshal([]byte(res.stdout), &list); err != nil {
			t.Fatal(err)
		}
		var found map[string]any
		for _, s := range list {
			if s["id"] == id {
				found = s
			}
		}
		if found == nil || found["status"] != futureStatus || found["status_for_pending_request"] != futurePending {
			t.Errorf("the list shows %v for the new solution, want its raw status and pending request", found)
		}
		if len(list) != seededSolutions(t)+1 {
			t.Errorf("listed %d solutions, want %d", len(list), seededSolutions(t)+1)
		}

		res = w.run("solution", id, "--json")
		if res.code != 0 {
			t.Fatalf("solution --json: exit %d: %s", res.code, res.stderr)
		}
		if !strings.Contains(res.stdout, futurePermission) || !strings.Contains(res.stdout, futureStatus) {
			t.Errorf("solution --json lacks the unknown permission or status:\n%s", res.stdout)
		}

		for _, args := range [][]string{{"solutions"}, {"solution", id}} {
			res = w.run(args...)
			if res.code != 0 {
				t.Fatalf("%v: exit %d: %s", args, res.code, res.stderr)
			}
			if !strings.Contains(res.stdout, futureStatus) {
				t.Errorf("%v does not show the raw status %s:\n%s", args, futureStatus, res.stdout)
			}
		}
		if !strings.Contains(res.stdout, futurePermission) {
			t.Errorf("the detail table does not show %s:\n%s", futurePermission, res.stdout)
		}
	})
	t.Run("dashboard", func(t *testing.T) {
		w, id := futureWorld(t)
		s := w.startDashboard()
		s.waitFor("Solutions (14)", "Zeta future")
		s.keys("/")
		s.keys("-l", "Zeta")
		s.keys("Enter")
		// At 80 columns the State column gives the name room: a known
		// state shrinks to its mark, an unknown one keeps the start of its
		// raw status beside the unknown mark; the inspector shows it whole.
		s.waitFor("showing 1 of 14", "? "+futureStatus[:2])
		s.keys("Enter")
		// At 80 columns the pending request is cut short; the status and
		// the unknown permission are there in full, the latter marked.
		s.waitFor("Solution "+futureName, id, "status "+futureStatus,
			futurePermission+"           yes    yes      not known to mps; shown as sent")
		s.alive()
		s.quit(quitBound)
	})
}

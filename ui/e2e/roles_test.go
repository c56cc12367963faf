package e2e

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"mps/graph"
)

// The real binary against a Graph whose solution lists answer only their
// default fields, switched on through the sandbox's control surface as a
// standalone run would: --role partner --json says "partner", the
// dashboard files the requests that need us under Needs us, and Partners
// lists each solution under its app once the solutions are read.
func TestRolesWithoutExpansion(t *testing.T) {
	w := parallelWorld(t)
	w.controlPost("/lists", `{"default_fields_only":true}`)
	res := w.run("solutions", "--role", "partner", "--json")
	var got []struct {
		ID       string          `json:"id"`
		OwnerApp json.RawMessage `json:"owner_app"`
		OurRole  string          `json:"our_role"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil || res.code != 0 || len(got) == 0 {
		t.Fatalf("exit %d, %v: %s %s", res.code, err, res.stdout, res.stderr)
	}
	for _, s := range got {
		if s.OurRole != "partner" || s.OwnerApp != nil {
			t.Errorf("%s: our_role %q, owner_app %s", s.ID, s.OurRole, s.OwnerApp)
		}
	}

	needsUs := 0
	for _, s := range w.sandbox.Solutions() {
		st := s.State()
		if (st == graph.StatePending || st == graph.StatePendingDeactivation) &&
			graph.Check(graph.AnswerFor(st, true), st, w.sandbox.RoleOf(s.ID)).Allowed {
			needsUs++
		}
	}
	s := w.startDashboard()
	s.waitFor("Solutions (13)")
	s.step("2", "Needs us ("+strconv.Itoa(needsUs)+")")
	s.keys("3") // the solutions' own reads put each under its partner app
	s.waitUntil("Partners to list every solution under its app", func(screen string) bool {
		return strings.Contains(screen, "Social Overdrive") && !strings.Contains(screen, "not read yet")
	})
	s.quit(quitBound)
}

// controlPost steers the world's sandbox through its HTTP control surface.
func (w *world) controlPost(path, body string) {
	w.t.Helper()
	resp, err := http.Post(w.url+"/_sandbox"+path, "application/json", strings.NewReader(body))
	if err != nil {
		w.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		w.t.Fatalf("POST /_sandbox%s: %s", path, resp.Status)
	}
}

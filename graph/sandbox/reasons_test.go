package sandbox

import (
	"net/http"
	"strings"
	"testing"

	"mps/graph"
)

// The optional reasons are taken under every body rule, kept per
// solution, and refused over MaxReasonLength with nothing changed.
func TestActionReasons(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	longest := strings.Repeat("ü", MaxReasonLength)
	for _, rule := range []string{"any", "openapi", "guide"} {
		if code, body := ctl(t, c, "PUT", "/action_bodies", `{"rule":"`+rule+`"}`); code != 200 {
			t.Fatalf("switch to %s: %d %s", rule, code, body)
		}
		openAPI := ""
		if rule == "openapi" {
			openAPI = "request_type=PARTNERSHIP_REQUEST&partner_app_id=" + DemoAppID + "&"
		}
		id := c.s.CreateIncomingRequest("Reason " + rule)
		r, err := c.do(http.MethodPost, testVersion+"/"+id+"/reject", nil, openAPI+"rejection_reason="+longest+"x")
		if err != nil {
			t.Fatal(err)
		}
		e := failed(t, r, 400, 100)
		if sol, _ := c.s.Solution(id); !strings.Contains(e.Message, "rejection_reason must be at most 512") || sol.Status != graph.StatusInitiated {
			t.Errorf("%s: too long a reason: %q, solution %s", rule, e.Message, sol.Status)
		}
		if _, given := c.s.LastReason(id); given {
			t.Errorf("%s: a refused reason was kept", rule)
		}
		r, err = c.do(http.MethodPost, testVersion+"/"+id+"/reject", nil, openAPI+"rejection_reason="+longest)
		if err != nil || r.status != 200 {
			t.Fatalf("%s: reject with a reason of 512: %d %s %v", rule, r.status, r.body, err)
		}
		if got, given := c.s.LastReason(id); !given || got != longest {
			t.Errorf("%s: LastReason = %.20q, %v", rule, got, given)
		}
	}

	active := solutionNamed(t, c.s, "Northwind with Lucky Shrub")
	r, err := c.do(http.MethodPost, testVersion+"/"+active.ID+"/send_deactivation_request", nil, "reason=Contract+ended")
	if err != nil || r.status != 200 {
		t.Fatalf("deactivation with a reason: %d %s %v", r.status, r.body, err)
	}
	if got, given := c.s.LastReason(active.ID); !given || got != "Contract ended" {
		t.Errorf("LastReason = %q, %v", got, given)
	}
	if _, given := c.s.LastReason("1"); given {
		t.Error("a reason for no solution")
	}
}

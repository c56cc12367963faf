package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

// The body rules, switched through the control surface, answer Graph's
// error 100 for the form they do not take and change nothing then.
func TestActionBodyRules(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	openAPI := "partner_app_id=" + DemoAppID
	reject := "request_type=PARTNERSHIP_REQUEST&partner_app_id=" + DemoAppID
	cases := []struct {
		rule, edge, body string
		refused          string // part of the error message; "" means accepted
	}{
		{"any", "accept", "", ""},
		{"any", "accept", openAPI, ""},
		{"openapi", "accept", "", "The parameter partner_app_id is required"},
		{"openapi", "accept", "partner_app_id=1", "partner_app_id must be"},
		{"openapi", "accept", openAPI, ""},
		{"openapi", "reject", openAPI, "The parameter request_type is required"},
		{"openapi", "reject", "request_type=OTHER&partner_app_id=" + DemoAppID, "request_type must be one of"},
		{"openapi", "reject", reject, ""},
		{"guide", "accept", openAPI, "partner_app_id is not a valid parameter"},
		{"guide", "reject", "rejection_reason=no", ""},
		{"guide", "reject", "reason=no", "reason is not a valid parameter"},
		{"guide", "accept", "", ""},
	}
	for _, tc := range cases {
		if code, body := ctl(t, c, "PUT", "/action_bodies", `{"rule":"`+tc.rule+`"}`); code != 200 || !strings.Contains(string(body), tc.rule) {
			t.Fatalf("switch to %s: %d %s", tc.rule, code, body)
		}
		id := c.s.CreateIncomingRequest("Body rule " + tc.rule)
		r, err := c.do(http.MethodPost, testVersion+"/"+id+"/"+tc.edge, nil, tc.body)
		if err != nil {
			t.Fatal(err)
		}
		sol, _ := c.s.Solution(id)
		name := tc.rule + " " + tc.edge + " " + tc.body
		if tc.refused == "" {
			if r.status != 200 || sol.Status == "INITIATED" {
				t.Errorf("%s: status %d %s, solution %s; want it taken", name, r.status, r.body, sol.Status)
			}
			continue
		}
		e := failed(t, r, 400, 100)
		if !strings.Contains(e.Message, tc.refused) || sol.Status != "INITIATED" {
			t.Errorf("%s: %q, solution %s; want %q and no change", name, e.Message, sol.Status, tc.refused)
		}
	}
	if code, body := ctl(t, c, "GET", "/action_bodies", ""); code != 200 || !strings.Contains(string(body), `"guide"`) {
		t.Errorf("get rule: %d %s", code, body)
	}
	if code, _ := ctl(t, c, "PUT", "/action_bodies", `{"rule":"json"}`); code != 400 {
		t.Errorf("an unknown rule was taken: %d", code)
	}
}

package sandbox

import (
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/webhook"
)

// waitForHooks waits until the recorder holds n payloads.
func (h *hookRecorder) waitFor(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		h.mu.Lock()
		got := len(h.payloads)
		h.mu.Unlock()
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d webhooks after 5s, want %d", got, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// With the rule switched on, the partner answers every solution we create
// after the delay, and SOLUTION_UPDATED says so.
func TestPartnerAnswerRule(t *testing.T) {
	for _, tc := range []struct {
		answer, status, row string
		state               graph.State
	}{
		{"accept", graph.StatusActive, graph.PartnerStatusAccepted, graph.StateActive},
		{"reject", graph.StatusRejected, partnerStatusRejected, graph.StateInactive},
	} {
		t.Run(tc.answer, func(t *testing.T) {
			c := newTClient(t, Options{WABAs: -1})
			h := recordHooks(c.s)
			if code, body := ctl(t, c, "PUT", "/partner_answer", `{"answer":"`+tc.answer+`","after":"300ms"}`); code != 200 {
				t.Fatalf("switch: %d %s", code, body)
			}
			if code, body := ctl(t, c, "GET", "/partner_answer", ""); code != 200 || !strings.Contains(string(body), `"after":"300ms"`) {
				t.Fatalf("get: %d %s", code, body)
			}
			id := ok[map[string]string](t, c.create(DemoAppID, createForm("Answered", luckyShrubApp, `[]`, `["MESSAGING"]`)))["solution_id"]
			if sol, _ := c.s.Solution(id); sol.Status != graph.StatusInitiated {
				t.Fatalf("answered at once: %s", sol.Status)
			}
			h.waitFor(t, 2)
			sol, _ := c.s.Solution(id)
			if sol.State() != tc.state || sol.PendingRequest != graph.PendingNone || sol.Partners[0].Status != tc.row {
				t.Errorf("after the answer: %+v", sol)
			}
			v := h.parsed(t)[1].Entry[0].Changes[0].Value
			if v.Event != webhook.EventSolutionUpdated || v.SolutionID != id || v.SolutionStatus != tc.status {
				t.Errorf("webhook %+v", v)
			}
		})
	}
}

// One solution can be answered on its own; a solution that was answered
// meanwhile, or that we do not own, is left alone.
func TestAnswerAsPartner(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	h := recordHooks(c.s)
	id := c.s.AddSolution(SolutionSpec{Name: "Ours", PartnerAppID: luckyShrubApp})
	late := c.s.AddSolution(SolutionSpec{Name: "Answered elsewhere", PartnerAppID: luckyShrubApp})
	if code, body := ctl(t, c, "POST", "/partner_answer", `{"solution_id":"`+id+`","answer":"accept","after":"1ms"}`); code != 202 {
		t.Fatalf("answer: %d %s", code, body)
	}
	c.s.SetSolutionStatus(late, graph.StatusActive, graph.PendingNone) // answered elsewhere first
	if err := c.s.AnswerAsPartner(late, PartnerRejects, time.Millisecond); err != nil {
		t.Fatal(err)
	}
	h.waitFor(t, 4) // two created, one status set, one answer
	time.Sleep(50 * time.Millisecond)
	if sol, _ := c.s.Solution(id); sol.State() != graph.StateActive {
		t.Errorf("answered solution is %s", sol.Status)
	}
	if sol, _ := c.s.Solution(late); sol.State() != graph.StateActive || len(h.parsed(t)) != 4 {
		t.Errorf("a late answer changed a solution no longer pending: %s, %d webhooks", sol.Status, len(h.parsed(t)))
	}
	incoming := c.s.CreateIncomingRequest("Theirs")
	for _, bad := range []string{
		`{"solution_id":"` + incoming + `","answer":"accept"}`,
		`{"solution_id":"1","answer":"accept"}`,
	} {
		if code, _ := ctl(t, c, "POST", "/partner_answer", bad); code != 404 {
			t.Errorf("%s: %d, want 404", bad, code)
		}
	}
	for _, bad := range []string{`{"answer":"maybe"}`, `{"answer":"accept","after":"soon"}`, `[`} {
		if code, _ := ctl(t, c, "PUT", "/partner_answer", bad); code != 400 {
			t.Errorf("%s: %d, want 400", bad, code)
		}
	}
}

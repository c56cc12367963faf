package graph_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

// nextState is where each allowed action leads.
var nextState = map[graph.Action]graph.State{
	graph.ActionAccept:              graph.StateActive,
	graph.ActionReject:              graph.StateInactive,
	graph.ActionRequestDeactivation: graph.StatePendingDeactivation,
	graph.ActionAcceptDeactivation:  graph.StateDeactivated,
	graph.ActionRejectDeactivation:  graph.StateActive,
}

func call(s graph.Solution, a graph.Action) graph.ActionCall {
	return graph.ActionCall{SolutionID: s.ID, Action: a, AppID: sandbox.DemoAppID, Role: graph.RoleOf(&s, sandbox.DemoAppID)}
}

// Every allowed action of the seeded data works under each body rule. A
// second POST goes out only where the first form's parameters were refused:
// the OpenAPI rule refuses the guide's empty body for accept and reject.
func TestRunActionUnderEachBodyRule(t *testing.T) {
	rules := []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI, sandbox.BodiesGuide}
	seen := map[graph.Action]bool{}
	for _, seed := range sandbox.New(sandbox.Options{WABAs: -1}).Solutions() {
		for _, a := range graph.AllActions() {
			if !graph.Check(a, seed.State(), graph.RoleOf(&seed, sandbox.DemoAppID)).Allowed {
				continue
			}
			seen[a] = true
			for _, rule := range rules {
				name := seed.Name + "/" + a.Command() + "/" + rule.String()
				sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, ActionBodies: rule})
				out := c.RunAction(context.Background(), call(seed, a))
				if out.Err != nil || out.Unknown || out.After == nil || out.After.State() != nextState[a] {
					t.Errorf("%s: outcome %+v, want success and the state %v read again", name, out, nextState[a])
					continue
				}
				want := 1
				if rule == sandbox.BodiesOpenAPI && (a == graph.ActionAccept || a == graph.ActionReject) {
					want = 2
				}
				posts := sb.Posts()
				if len(posts) != want || out.Posts != want {
					t.Errorf("%s: %d POSTs (outcome says %d), want %d: %+v", name, len(posts), out.Posts, want, posts)
					continue
				}
				if posts[0].Body != "" {
					t.Errorf("%s: the first POST carried a body %q; the guide's form has none", name, posts[0].Body)
				}
				if want == 2 && !strings.Contains(posts[1].Body, "partner_app_id="+sandbox.DemoAppID) {
					t.Errorf("%s: the second POST is not the OpenAPI form: %q", name, posts[1].Body)
				}
				if a == graph.ActionReject && want == 2 && !strings.Contains(posts[1].Body, "request_type=PARTNERSHIP_REQUEST") {
					t.Errorf("%s: reject's OpenAPI form lacks request_type: %q", name, posts[1].Body)
				}
			}
		}
	}
	if len(seen) != len(graph.AllActions()) {
		t.Fatalf("the seeded data allows only %v; every action must be tried", seen)
	}
}

// pendingForUs adds three requests we, the invited partner, may accept.
func pendingForUs(t *testing.T, sb *sandbox.Sandbox) []graph.Solution {
	t.Helper()
	var out []graph.Solution
	for _, name := range []string{"first", "second", "third"} {
		s, _ := sb.Solution(sb.CreateIncomingRequest("Request " + name))
		if !graph.Check(graph.ActionAccept, s.State(), graph.RoleOf(&s, sandbox.DemoAppID)).Allowed {
			t.Fatalf("the new request %+v cannot be accepted", s)
		}
		out = append(out, s)
	}
	sb.ResetRequests()
	return out
}

// The form Graph accepted goes first next time, so each direction of the
// fallback is exercised: guide then OpenAPI, and OpenAPI then guide.
func TestRunActionRemembersTheAcceptedForm(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, ActionBodies: sandbox.BodiesOpenAPI})
	pending := pendingForUs(t, sb)
	ctx := context.Background()
	steps := []struct {
		rule  sandbox.ActionBodies
		posts int
		form  graph.BodyForm
	}{
		{sandbox.BodiesOpenAPI, 2, graph.FormOpenAPI}, // guide form refused, OpenAPI form taken
		{sandbox.BodiesOpenAPI, 1, graph.FormOpenAPI}, // the OpenAPI form first
		{sandbox.BodiesGuide, 2, graph.FormGuide},     // OpenAPI form refused, guide form taken
	}
	for i, st := range steps {
		sb.SetActionBodies(st.rule)
		sb.ResetRequests()
		out := c.RunAction(ctx, call(pending[i], graph.ActionAccept))
		if out.Err != nil || out.After == nil || out.After.State() != graph.StateActive {
			t.Fatalf("step %d: %+v", i, out)
		}
		if n := len(sb.Posts()); n != st.posts || out.Posts != st.posts || out.Form != st.form {
			t.Fatalf("step %d (%s): %d POSTs (outcome %d, %s), want %d ending with the %s", i, st.rule, n, out.Posts, out.Form, st.posts, st.form)
		}
	}
}

// After an unknown outcome nothing is sent again, whatever the body rule:
// the solution is read, once.
func TestRunActionNeverResendsAfterAnUnknownOutcome(t *testing.T) {
	for _, rule := range []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI, sandbox.BodiesGuide} {
		for _, kind := range []sandbox.FaultKind{sandbox.FaultDropConnection, sandbox.FaultDropAfterApply, sandbox.FaultTransient} {
			sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, ActionBodies: rule})
			target := pendingForUs(t, sb)[0]
			sb.AddFault(sandbox.Fault{Kind: kind, Method: http.MethodPost})
			out := c.RunAction(context.Background(), call(target, graph.ActionAccept))
			if !out.Unknown || out.Posts != 1 || len(sb.Posts()) != 1 {
				t.Errorf("%s/%s: unknown=%v, %d POSTs (log %d), want an unknown outcome after exactly 1", rule, kind, out.Unknown, out.Posts, len(sb.Posts()))
			}
			if out.After == nil {
				t.Errorf("%s/%s: the solution was not read again: %v", rule, kind, out.ReadErr)
			}
		}
	}
}

// A refusal because the solution changed elsewhere is classified by the
// read after it: the action is no longer allowed, and nothing more is
// sent, even when Graph's complaint was a parameter.
func TestRunActionRefusedBecauseTheStateChanged(t *testing.T) {
	for _, rule := range []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI} {
		sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, ActionBodies: rule})
		target := pendingForUs(t, sb)[0]
		sb.SetSolutionStatus(target.ID, graph.StatusActive, graph.PendingNone) // someone else accepted it
		out := c.RunAction(context.Background(), call(target, graph.ActionAccept))
		if out.Err == nil || out.Unknown || !out.StateChanged() {
			t.Fatalf("%s: outcome %+v, want a refusal classified as a change of state", rule, out)
		}
		if out.After == nil || out.After.State() != graph.StateActive || !strings.Contains(out.Now.Reason, "Active") {
			t.Errorf("%s: after = %+v, verdict %+v; want the new state Active and why accept no longer applies", rule, out.After, out.Now)
		}
		if n := len(sb.Posts()); n != 1 || out.Posts != 1 {
			t.Errorf("%s: %d POSTs, want 1", rule, n)
		}
	}
}

// A refusal that is neither a parameter nor a change of state (an expired
// token) is reported as it is, after one POST.
func TestRunActionOtherRefusalIsNotResent(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, ActionBodies: sandbox.BodiesOpenAPI})
	target := pendingForUs(t, sb)[0]
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken, Method: http.MethodPost})
	out := c.RunAction(context.Background(), call(target, graph.ActionAccept))
	if graph.ClassOf(out.Err) != graph.ClassAuth || out.StateChanged() || out.Posts != 1 || len(sb.Posts()) != 1 {
		t.Fatalf("outcome %+v (log %d POSTs), want the auth refusal after 1 POST", out, len(sb.Posts()))
	}
	if out.Now == nil || !out.Now.Allowed {
		t.Errorf("the read after the refusal should find the action still allowed: %+v", out.Now)
	}
}

// Nothing is sent, and nothing read, when the call cannot leave the machine.
func TestRunActionNotSent(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	out := c.RunAction(context.Background(), graph.ActionCall{SolutionID: "../1", Action: graph.ActionAccept, AppID: sandbox.DemoAppID})
	if out.Err == nil || out.Posts != 0 || out.After != nil || len(sb.Requests()) != 0 {
		t.Fatalf("outcome %+v, %d requests; want an error and no request", out, len(sb.Requests()))
	}
}

// A throttled action POST is refused and not resent, and the throttle it
// met holds for every call, so the dashboard's status bar shows it: Graph's
// stated wait, or ThrottleFallback when it names none.
func TestRunActionThrottledHoldsOffOtherCalls(t *testing.T) {
	for _, c := range []struct {
		kind sandbox.FaultKind
		want time.Duration
	}{{sandbox.FaultThrottleBUC, 2 * time.Minute}, {sandbox.FaultThrottleAppLevel, graph.ThrottleFallback}} {
		clock := graph.NewFakeClock()
		sb, client := sandboxClient(t, sandbox.Options{WABAs: -1}, graph.WithClock(clock))
		target := pendingForUs(t, sb)[0]
		sb.AddFault(sandbox.Fault{Kind: c.kind, Method: http.MethodPost, RegainMinutes: 2})
		out := client.RunAction(context.Background(), call(target, graph.ActionAccept))
		if graph.ClassOf(out.Err) != graph.ClassThrottled || out.Posts != 1 || len(sb.Posts()) != 1 {
			t.Fatalf("%s: outcome %+v (log %d POSTs), want the throttle after 1 POST", c.kind, out, len(sb.Posts()))
		}
		if got, want := client.Usage().ThrottledUntil, clock.Now().Add(c.want); !got.Equal(want) {
			t.Errorf("%s: ThrottledUntil = %v, want %v (now + %v)", c.kind, got, want, c.want)
		}
	}
}

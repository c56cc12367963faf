package graph_test

import (
	"context"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// A reason goes with reject and request deactivation, under every body
// rule, as the parameter Meta's description names; without one, nothing
// extra is sent.
func TestAReasonReachesGraphUnderEachBodyRule(t *testing.T) {
	for _, rule := range []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI, sandbox.BodiesGuide} {
		for _, a := range []graph.Action{graph.ActionReject, graph.ActionRequestDeactivation} {
			sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, ActionBodies: rule})
			var sol graph.Solution
			for _, s := range sb.Solutions() {
				if graph.Check(a, s.State(), graph.RoleOf(&s, sandbox.DemoAppID)).Allowed {
					sol = s
					break
				}
			}
			ac := call(sol, a)
			ac.Reason = "Ümlaut partner asked: wrong business"
			out := c.RunAction(context.Background(), ac)
			if out.Err != nil {
				t.Fatalf("%s under %s: %v", a.Command(), rule, out.Err)
			}
			if got, ok := sb.LastReason(sol.ID); !ok || got != ac.Reason {
				t.Errorf("%s under %s: the sandbox got reason %q (%t)", a.Command(), rule, got, ok)
			}
		}
	}
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	for _, s := range sb.Solutions() {
		if graph.Check(graph.ActionReject, s.State(), graph.RoleOf(&s, sandbox.DemoAppID)).Allowed {
			c.RunAction(context.Background(), call(s, graph.ActionReject))
			for _, p := range sb.Posts() {
				if strings.Contains(p.Body, "reason") {
					t.Errorf("a reject without a reason sent %q", p.Body)
				}
			}
			break
		}
	}
}

func TestCheckReason(t *testing.T) {
	for _, c := range []struct {
		a      graph.Action
		reason string
		ok     bool
	}{
		{graph.ActionReject, "", true},
		{graph.ActionAccept, "", true},
		{graph.ActionReject, "duplicate of 1760", true},
		{graph.ActionRequestDeactivation, strings.Repeat("é", graph.MaxReasonLength), true},
		{graph.ActionRequestDeactivation, strings.Repeat("é", graph.MaxReasonLength+1), false},
		{graph.ActionAccept, "because", false},
		{graph.ActionAcceptDeactivation, "because", false},
		{graph.ActionReject, "two\nlines", false},
		{graph.ActionReject, "bell\a", false},
		{graph.ActionReject, "bad \xff byte", false},
	} {
		if err := c.a.CheckReason(c.reason); (err == nil) != c.ok {
			t.Errorf("%s.CheckReason(%.20q) = %v, want ok %t", c.a.Command(), c.reason, err, c.ok)
		}
	}
}

package graph_test

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

// inFlightCounter is a transport that counts the solution reads under way
// at once, and the most it saw.
type inFlightCounter struct {
	now, most atomic.Int32
}

func (c *inFlightCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.Count(r.URL.Path, "/") == 2 { // /v25.0/{solution-id}
		n := c.now.Add(1)
		defer c.now.Add(-1)
		for m := c.most.Load(); n > m && !c.most.CompareAndSwap(m, n); m = c.most.Load() {
		}
	}
	return http.DefaultTransport.RoundTrip(r)
}

// Under lists that answer only their default fields, ReadSides gives each
// solution its apps and permissions as the sandbox holds them, keeps the
// role the list said, reads each once and no more than SideReadsAtOnce at
// once; a list that has its sides is not read at all.
func TestReadSidesFillsWhatTheListLacked(t *testing.T) {
	counter := &inFlightCounter{}
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, Solutions: 30, ListDefaultFieldsOnly: true},
		graph.WithHTTPClient(&http.Client{Transport: counter}))
	ctx := context.Background()
	list, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{Detailed: true})
	if err != nil {
		t.Fatal(err)
	}
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultLatency, Latency: 20 * time.Millisecond, Method: "GET"})
	before := len(sb.Requests())
	read, err := c.ReadSides(ctx, list)
	if err != nil || read != len(list) {
		t.Fatalf("ReadSides = %d, %v; want %d reads", read, err, len(list))
	}
	if sent := len(sb.Requests()) - before; sent != len(list) {
		t.Errorf("%d requests for %d solutions, want one each", sent, len(list))
	}
	if most := counter.most.Load(); most > graph.SideReadsAtOnce {
		t.Errorf("%d reads at once, want at most %d", most, graph.SideReadsAtOnce)
	}
	t.Logf("at most %d reads at once", counter.most.Load())
	truth := map[string]graph.Solution{}
	for _, s := range sb.Solutions() {
		truth[s.ID] = s
	}
	for _, s := range list {
		want := truth[s.ID]
		if s.LacksSides() || s.OwnerApp.ID != want.OwnerApp.ID || len(s.Partners) != len(want.Partners) {
			t.Fatalf("%s after ReadSides: owner %v, %d partner rows; the sandbox has %v, %d", s.ID, s.OwnerApp, len(s.Partners), want.OwnerApp, len(want.Partners))
		}
		if got := graph.RoleOf(&s, sandbox.DemoAppID); got != sb.RoleOf(s.ID) {
			t.Errorf("%s: role %v after the read, want %v", s.ID, got, sb.RoleOf(s.ID))
		}
	}
	before = len(sb.Requests())
	if read, err := c.ReadSides(ctx, list); read != 0 || err != nil || len(sb.Requests()) != before {
		t.Errorf("ReadSides on solutions that have their sides = %d, %v, sent %d", read, err, len(sb.Requests())-before)
	}
}

// A read that fails is the error and stops the rest: no read goes after
// it, those under way are called off, and every solution keeps what the
// list said.
func TestReadSidesStopsAtAFailure(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, Solutions: 30, ListDefaultFieldsOnly: true})
	ctx := context.Background()
	list, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{Detailed: true})
	if err != nil {
		t.Fatal(err)
	}
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken, Method: "GET", PathContains: list[0].ID})
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultLatency, Latency: 2 * time.Second, Method: "GET"})
	read, err := c.ReadSides(ctx, list)
	if graph.ClassOf(err) != graph.ClassAuth {
		t.Fatalf("ReadSides = %d, %v; want the expired token's error", read, err)
	}
	if read < 1 || read > graph.SideReadsAtOnce {
		t.Errorf("%d reads sent; want no more than the first %d", read, graph.SideReadsAtOnce)
	}
	for _, s := range list {
		if !s.LacksSides() {
			t.Errorf("%s has sides, though its read was called off", s.ID)
		}
	}
}

package act

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store/journal"
)

// fixedNow is the actor's clock in every test.
func fixedNow() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC) }

type world struct {
	sb      *sandbox.Sandbox
	client  *graph.Client
	journal *journal.Store
	actor   *Actor
}

func newWorld(t *testing.T) *world {
	t.Helper()
	sb, srv := sandboxtest.Start(t, sandbox.Options{WABAs: -1})
	c := sandboxtest.Client(t, srv.URL)
	j, err := journal.Open(context.Background(), filepath.Join(t.TempDir(), journal.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	a := &Actor{Client: c, Journal: j, Profile: "default", AppID: sandbox.DemoAppID, Now: fixedNow,
		User: func(context.Context) (string, error) { return "Ada Admin (1001)", nil }}
	return &world{sb: sb, client: c, journal: j, actor: a}
}

// solutionFor is a seeded solution that allows the action from our side.
func (w *world) solutionFor(t *testing.T, a graph.Action) graph.Solution {
	t.Helper()
	for _, s := range w.sb.Solutions() {
		if graph.Check(a, s.State(), graph.RoleOf(&s, sandbox.DemoAppID)).Allowed {
			return s
		}
	}
	t.Fatalf("no seeded solution allows %s", a.Command())
	return graph.Solution{}
}

func request(s graph.Solution, a graph.Action, reason string) Request {
	return Request{Solution: s, Action: a, Role: graph.RoleOf(&s, sandbox.DemoAppID), Reason: reason}
}

func (w *world) only(t *testing.T) journal.Entry {
	t.Helper()
	all, err := w.journal.List(context.Background(), journal.Query{})
	if err != nil || len(all) != 1 {
		t.Fatalf("the journal holds %d entries (%v), want 1: %+v", len(all), err, all)
	}
	return all[0]
}

package act

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/journal"
)

const luckyShrub = "21202248997039" // a demo partner app of the sandbox

func (w *world) createPosts() int {
	n := 0
	for _, r := range w.sb.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/whatsapp_business_solution") {
			n++
		}
	}
	return n
}

func (w *world) lastEntry(t *testing.T) journal.Entry {
	t.Helper()
	list, err := w.journal.List(context.Background(), journal.Query{Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatalf("journal: %+v, %v", list, err)
	}
	return list[0]
}

// A create is journaled with the ID Graph gave, read back, and sent once.
func TestCreateIsJournaledWithTheNewID(t *testing.T) {
	w := newWorld(t)
	out, err := w.actor.Create(context.Background(), graph.NewSolution{Name: " New one ", PartnerAppID: luckyShrub, Messaging: graph.SenderUs})
	if err != nil || out.Err != nil || out.Solution == nil || out.Solution.ID != out.ID || out.Solution.State() != graph.StatePending {
		t.Fatalf("Create = %+v, %v", out, err)
	}
	e := w.lastEntry(t)
	if e.Action != "create" || e.ObjectID != out.ID || e.ObjectName != "New one" || e.Outcome != journal.Done || e.StateAfter != "Pending" || e.User != "Ada Admin (1001)" {
		t.Fatalf("entry %+v", e)
	}
	if n := w.createPosts(); n != 1 {
		t.Fatalf("%d create POSTs, want 1", n)
	}
}

// After an unknown outcome the solutions are listed, nothing is resent,
// and the entry says what the list showed; a refusal before sending is
// recorded as not sent.
func TestCreateOutcomes(t *testing.T) {
	for _, c := range []struct {
		name    string
		fault   sandbox.FaultKind
		want    graph.NewSolution
		outcome journal.Outcome
		posts   int
		found   bool
		note    string
	}{
		{"dropped after applying", sandbox.FaultDropAfterApply, graph.NewSolution{Name: "Dropped", PartnerAppID: luckyShrub, Messaging: graph.SenderUs}, journal.Unknown, 1, true, "hold one with this name"},
		{"a 5xx, nothing made", sandbox.FaultTransient, graph.NewSolution{Name: "Never", PartnerAppID: luckyShrub, Messaging: graph.SenderUs}, journal.Unknown, 1, false, "hold none"},
		{"refused by Graph", 0, graph.NewSolution{Name: "Unknown app", PartnerAppID: "999000111222", Messaging: graph.SenderUs}, journal.Refused, 1, false, ""},
		{"refused by the checks", 0, graph.NewSolution{Name: "x", PartnerAppID: luckyShrub, Messaging: graph.SenderUs}, journal.NotSent, 0, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			if c.fault != 0 {
				w.sb.AddFault(sandbox.Fault{Kind: c.fault, Method: http.MethodPost, Times: 1})
			}
			out, err := w.actor.Create(context.Background(), c.want)
			if err != nil || out.Unknown != (c.outcome == journal.Unknown) || (out.Solution != nil) != c.found {
				t.Fatalf("Create = %+v, %v", out, err)
			}
			if n := w.createPosts(); n != c.posts {
				t.Fatalf("%d create POSTs, want %d", n, c.posts)
			}
			e := w.lastEntry(t)
			if e.Outcome != c.outcome || (e.ObjectID != "") != c.found || !strings.Contains(e.Note, c.note) {
				t.Fatalf("entry %+v", e)
			}
			if c.found && e.ObjectID != out.Solution.ID {
				t.Fatalf("entry names %s, the look found %s", e.ObjectID, out.Solution.ID)
			}
		})
	}
}

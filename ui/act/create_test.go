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

func newSolution(name string) graph.NewSolution {
	return graph.NewSolution{Name: name, PartnerAppID: luckyShrub, Messaging: graph.SenderPartner}
}

func TestACreateIsJournaledWithTheNewID(t *testing.T) {
	w := newWorld(t)
	out, err := w.actor.Create(context.Background(), newSolution("  Northwind with Lucky Shrub "))
	if err != nil || out.Err != nil || out.ReadErr != nil || out.Solution == nil {
		t.Fatalf("Create = %+v, %v", out, err)
	}
	if out.Solution.Name != "Northwind with Lucky Shrub" || out.Solution.State() != graph.StatePending {
		t.Errorf("created %+v, want the name trimmed and Pending", out.Solution)
	}
	e := w.only(t)
	if e.Action != ActionCreate || e.Outcome != journal.Done || e.ObjectID != out.Solution.ID || e.ObjectName != "Northwind with Lucky Shrub" ||
		e.StateAfter != "Pending" || !strings.Contains(e.Note, "partner app "+luckyShrub+"; MESSAGING held by partner") {
		t.Fatalf("entry %+v", e)
	}
}

func TestACreateGraphRefusesIsJournaledAsRefused(t *testing.T) {
	w := newWorld(t)
	want := newSolution("Unknown partner")
	want.PartnerAppID = "999000111222"
	out, err := w.actor.Create(context.Background(), want)
	if err != nil || out.Err == nil || out.Unknown() || out.Solution != nil {
		t.Fatalf("Create = %+v, %v; want Graph's refusal", out, err)
	}
	if e := w.only(t); e.Outcome != journal.Refused || e.Refusal.Code != 100 || e.ObjectID != "" {
		t.Fatalf("entry %+v", e)
	}
	if n := posts(w.sb); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
}

func TestACreateRefusedByItsChecksIsNotSent(t *testing.T) {
	w := newWorld(t)
	out, err := w.actor.Create(context.Background(), newSolution("x"))
	if err != nil || out.Err == nil {
		t.Fatalf("Create = %+v, %v", out, err)
	}
	if e := w.only(t); e.Outcome != journal.NotSent {
		t.Fatalf("entry %+v", e)
	}
	if n := posts(w.sb); n != 0 {
		t.Errorf("%d POSTs, want 0", n)
	}
}

// A lost answer lists the solutions, finds the one made and records it as
// unknown with its ID; the POST went once.
func TestACreateWithALostAnswerLooksAndNeverResends(t *testing.T) {
	for _, made := range []bool{true, false} {
		w := newWorld(t)
		kind := sandbox.FaultDropAfterApply
		if !made {
			kind = sandbox.FaultDropConnection
		}
		w.sb.AddFault(sandbox.Fault{Kind: kind, Method: http.MethodPost, PathContains: "/whatsapp_business_solution", Times: 1})
		out, err := w.actor.Create(context.Background(), newSolution("Lost answer"))
		if err != nil || !out.Unknown() || out.ReadErr != nil || (out.Solution != nil) != made {
			t.Fatalf("made %v: Create = %+v, %v", made, out, err)
		}
		e := w.only(t)
		if e.Outcome != journal.Unknown || (e.ObjectID != "") != made {
			t.Fatalf("made %v: entry %+v", made, e)
		}
		if made && (e.ObjectID != out.Solution.ID || !strings.Contains(e.Note, "hold it")) {
			t.Errorf("entry %+v, want the found solution %s", e, out.Solution.ID)
		}
		if !made && !strings.Contains(e.Note, "do not hold it") {
			t.Errorf("entry note %q", e.Note)
		}
		if n := posts(w.sb); n != 1 {
			t.Errorf("made %v: %d POSTs, want exactly 1", made, n)
		}
	}
}

package act

import (
	"context"
	"errors"
	"fmt"

	"mps/graph"
)

// ActionCreate is the journal's word for creating a solution.
const ActionCreate = "create"

// Created is what a create did, and how the journal took it.
type Created struct {
	Want graph.NewSolution // as sent, normalized
	// Solution is the new solution as read after the POST or, when the
	// answer was lost, the one of that name and partner that the list
	// holds now; nil when neither read found it.
	Solution *graph.Solution
	// Err is the create's error: nil when Graph made the solution; an
	// unknown outcome (graph.IsUnknownOutcome) when the answer was lost.
	Err error
	// ReadErr is the failure of the read after the POST, or of the lookup
	// after a lost answer.
	ReadErr    error
	EntryID    int64
	JournalErr error // as Outcome.JournalErr
}

// Unknown says the POST went but its answer was lost.
func (c Created) Unknown() bool { return graph.IsUnknownOutcome(c.Err) }

// Create records the creation of want, owned by our app, sends it once
// (graph.Client.CreateSolution), reads the new solution and records its ID
// and state. When the answer is lost it lists our solutions for one of that
// name and partner (LookForCreated) and never sends again. An error means
// nothing was sent (the journal could not record it first).
func (a *Actor) Create(ctx context.Context, want graph.NewSolution) (Created, error) {
	want = want.Normalized()
	out := Created{Want: want}
	change := Change{Action: ActionCreate, ObjectName: want.Name}
	id, journalErr, err := a.Record(ctx, change, func(ctx context.Context) Effect {
		var newID string
		newID, out.Err = a.Client.CreateSolution(ctx, a.AppID, want)
		switch {
		case out.Err == nil:
			out.Solution, out.ReadErr = a.Client.Solution(ctx, newID)
		case graph.IsUnknownOutcome(out.Err):
			out.Solution, out.ReadErr = a.Client.LookForCreated(ctx, a.AppID, want)
		}
		e := Effect{Sent: createSent(out.Err), Err: out.Err, ObjectID: newID, Note: createNote(out)}
		if out.Solution != nil {
			e.ObjectID, e.StateAfter = out.Solution.ID, out.Solution.StateLabel()
		}
		return e
	})
	out.EntryID, out.JournalErr = id, journalErr
	return out, err
}

// createSent says whether a create's POST left the machine: it did when
// Graph answered (made it or refused it) or the answer was lost; any other
// error (the input's checks, a bad ID, no token) came before sending.
func createSent(err error) bool {
	var refused *graph.Error
	return err == nil || graph.IsUnknownOutcome(err) || errors.As(err, &refused)
}

// createNote is what the journal keeps of a create beside its name: the
// partner, who holds MESSAGING, and after a lost answer what the list said.
func createNote(c Created) string {
	note := fmt.Sprintf("partner app %s; MESSAGING held by %s", c.Want.PartnerAppID, c.Want.Messaging)
	if !c.Unknown() {
		return note
	}
	switch {
	case c.Solution != nil:
		return note + "; the answer was lost, and the solutions listed after hold it; nothing was resent"
	case c.ReadErr != nil:
		return note + "; the answer was lost, and listing the solutions after failed; nothing was resent"
	}
	return note + "; the answer was lost, and the solutions listed after do not hold it; nothing was resent"
}

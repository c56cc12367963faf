package act

import (
	"context"
	"errors"

	"mps/graph"
)

// CreateOutcome is what a create did, as far as mps could learn.
type CreateOutcome struct {
	// Err is CreateSolution's error: nil when Graph answered with the new
	// solution's ID.
	Err error
	// Unknown: the POST went and its answer was lost; mps listed the
	// solutions once to look for it (LookForCreated) and sent nothing more.
	Unknown bool
	// Solution is the new solution as read after the create, or the one the
	// look after an unknown outcome found; nil when none is known.
	Solution *graph.Solution
	// ID is the new solution's ID when known, even when reading it failed.
	ID string
	// ReadErr is the failure of the read after: of the new solution after
	// a create that answered, of the list after an unknown outcome.
	ReadErr    error
	EntryID    int64
	JournalErr error
}

// Create creates a solution owned by our app, journaled like every change:
// the entry first, then CreateSolution's one POST, never resent. A create
// that answered is read back; after an unknown outcome the solutions are
// listed once to say whether one with that name and partner exists now.
// An error means that nothing was sent (the journal could not record it).
func (a *Actor) Create(ctx context.Context, want graph.NewSolution) (CreateOutcome, error) {
	want = want.Normalized()
	var out CreateOutcome
	id, journalErr, err := a.Record(ctx, Change{Action: "create", ObjectName: want.Name}, func(ctx context.Context) Effect {
		out = a.createOnce(ctx, want)
		e := Effect{Sent: createSent(out.Err), Err: out.Err, ObjectID: out.ID}
		if out.Solution != nil {
			e.StateAfter = out.Solution.StateLabel()
		}
		if out.Unknown {
			e.Note = lookNote(out)
		}
		return e
	})
	out.EntryID, out.JournalErr = id, journalErr
	return out, err
}

func (a *Actor) createOnce(ctx context.Context, want graph.NewSolution) CreateOutcome {
	var out CreateOutcome
	out.ID, out.Err = a.Client.CreateSolution(ctx, a.AppID, want)
	switch {
	case out.Err == nil:
		out.Solution, out.ReadErr = a.Client.Solution(ctx, out.ID)
	case graph.IsUnknownOutcome(out.Err):
		out.Unknown = true
		out.Solution, out.ReadErr = a.Client.LookForCreated(ctx, a.AppID, want)
		if out.Solution != nil {
			out.ID = out.Solution.ID
		}
	}
	return out
}

// createSent says whether a create's POST left the machine: it answered,
// its outcome is unknown, or Graph refused it with an error object. Any
// other error (the checks, the token, a connection never made) came first.
func createSent(err error) bool {
	var ge *graph.Error
	return err == nil || graph.IsUnknownOutcome(err) || errors.As(err, &ge)
}

// lookNote is what the look after an unknown outcome found, for the journal.
func lookNote(out CreateOutcome) string {
	switch {
	case out.ReadErr != nil:
		return "outcome unknown; listing the solutions after it failed, and nothing was resent"
	case out.Solution != nil:
		return "outcome unknown; the solutions listed after it hold one with this name and partner, and nothing was resent"
	}
	return "outcome unknown; the solutions listed after it hold none with this name and partner, and nothing was resent"
}

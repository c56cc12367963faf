package act

import (
	"context"
	"errors"
	"time"

	"mps/graph"
	"mps/store/journal"
)

// afterRestartNote is the note on an entry completed by Complete.
const afterRestartNote = "mps stopped before the outcome; the solution was read again at the next start, and nothing was resent"

// Complete finishes the entries a run of mps left in flight: it reads each
// one's solution once, records the outcome as unknown with the state it
// found, and sends nothing. An entry whose solution cannot be read now
// stays in flight for the next start. It returns the entries it completed.
func Complete(ctx context.Context, c *graph.Client, j journal.Journal, now func() time.Time) ([]journal.Entry, error) {
	open, err := j.InFlight(ctx)
	if err != nil {
		return nil, err
	}
	var done []journal.Entry
	var errs []error
	for _, e := range open {
		if e.ObjectID == "" {
			continue // a creation whose answer was lost: its ID is not known
		}
		sol, err := c.Solution(ctx, e.ObjectID)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r := journal.Result{Outcome: journal.Unknown, StateAfter: sol.StateLabel(), Finished: now(), Note: afterRestartNote}
		if err := j.Finish(ctx, e.ID, r); err != nil {
			return done, err
		}
		e.Outcome, e.StateAfter, e.Finished, e.Note = r.Outcome, r.StateAfter, r.Finished, r.Note
		done = append(done, e)
	}
	return done, errors.Join(errs...)
}

package act

import (
	"context"
	"errors"
	"time"

	"mps/graph"
	"mps/store/journal"
)

// The notes on an entry completed by Complete.
const (
	afterRestartNote       = "mps stopped before the outcome; the solution was read again at the next start, and nothing was resent"
	afterRestartUnreadNote = "mps stopped before the outcome; nothing was resent, and the change's own command shows how it stands"
)

// Complete finishes the entries a run of mps left in flight: it reads each
// solution action's solution once, records the outcome as unknown with the
// state it found, and sends nothing. An entry whose solution cannot be read
// now stays in flight for the next start. Another kind of change (a
// subscription, a credit share) is recorded as unknown without a read: its
// own command shows how it stands. It returns the entries it completed.
func Complete(ctx context.Context, c *graph.Client, j journal.Journal, now func() time.Time) ([]journal.Entry, error) {
	open, err := j.InFlight(ctx)
	if err != nil {
		return nil, err
	}
	var done []journal.Entry
	var errs []error
	for _, e := range open {
		r := journal.Result{Outcome: journal.Unknown, Finished: now(), Note: afterRestartNote}
		if _, isSolutionAction := graph.ParseAction(e.Action); isSolutionAction && e.ObjectID != "" {
			sol, err := c.Solution(ctx, e.ObjectID)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			r.StateAfter = sol.StateLabel()
		} else {
			r.Note = afterRestartUnreadNote
		}
		if err := j.Finish(ctx, e.ID, r); err != nil {
			return done, err
		}
		e.Outcome, e.StateAfter, e.Finished, e.Note = r.Outcome, r.StateAfter, r.Finished, r.Note
		done = append(done, e)
	}
	return done, errors.Join(errs...)
}

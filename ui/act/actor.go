package act

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"mps/graph"
	"mps/store/journal"
)

// Actor sends actions for one profile and app, and journals them.
type Actor struct {
	Client  *graph.Client
	Journal journal.Journal
	Profile string
	AppID   string
	Now     func() time.Time
	// User names the token's user for the journal (GET /me); it is asked
	// once, when the first action is recorded. Nil, or a failure, records
	// the user as unknown: the action still goes.
	User func(ctx context.Context) (string, error)

	userOnce sync.Once
	user     string
}

// Request is one confirmed action on a solution as the confirmation showed
// it: the state it was in, our side, and the reason, if any.
type Request struct {
	Solution graph.Solution
	Action   graph.Action
	Role     graph.Role
	Reason   string
}

// NotRecordedError says that the journal could not record an action
// before it went, so nothing was sent.
type NotRecordedError struct{ Err error }

func (e *NotRecordedError) Error() string {
	return fmt.Sprintf("nothing was sent: the journal could not record the action first (%v)", e.Err)
}
func (e *NotRecordedError) Unwrap() error { return e.Err }

// Outcome is what an action did, and how the journal took it.
type Outcome struct {
	graph.ActionOutcome
	EntryID int64
	// JournalErr is set when the outcome could not be recorded after the
	// POST: the entry stays in flight, and the next start of mps reads the
	// solution and completes it.
	JournalErr error
}

// Run records the action, sends it and records its outcome. An error means
// that nothing was sent (the journal could not record it first).
func (a *Actor) Run(ctx context.Context, req Request) (Outcome, error) {
	if a.Journal == nil {
		return Outcome{}, &NotRecordedError{Err: errors.New("no journal is configured")}
	}
	id, err := a.Journal.Begin(ctx, journal.Entry{
		Started:     a.Now(),
		Profile:     a.Profile,
		AppID:       a.AppID,
		Host:        hostOf(a.Client.BaseURL()),
		User:        a.userName(ctx),
		Action:      req.Action.Command(),
		ObjectID:    req.Solution.ID,
		ObjectName:  req.Solution.Name,
		StateBefore: req.Solution.StateLabel(),
		Reason:      req.Reason,
	})
	if err != nil {
		return Outcome{}, &NotRecordedError{Err: err}
	}
	out := Outcome{EntryID: id}
	out.ActionOutcome = a.Client.RunAction(ctx, graph.ActionCall{SolutionID: req.Solution.ID, Action: req.Action, AppID: a.AppID, Role: req.Role})
	// The outcome is recorded even when ctx has ended since: the POST went.
	out.JournalErr = a.Journal.Finish(context.WithoutCancel(ctx), id, resultOf(out.ActionOutcome, a.Now()))
	return out, nil
}

func (a *Actor) userName(ctx context.Context) string {
	a.userOnce.Do(func() {
		a.user = "unknown"
		if a.User == nil {
			return
		}
		if name, err := a.User(ctx); err == nil && name != "" {
			a.user = name
		}
	})
	return a.user
}

// resultOf is the journal's view of an outcome.
func resultOf(o graph.ActionOutcome, now time.Time) journal.Result {
	r := journal.Result{Finished: now}
	switch {
	case o.Posts == 0:
		r.Outcome = journal.NotSent
	case o.Err == nil:
		r.Outcome = journal.Done
	case o.Unknown:
		r.Outcome = journal.Unknown
	default:
		r.Outcome = journal.Refused
	}
	if o.Err != nil {
		r.Refusal = refusalOf(o.Err)
	}
	if o.After != nil {
		r.StateAfter = o.After.StateLabel()
	}
	if o.Posts > 1 {
		r.Note = fmt.Sprintf("sent %d times: Graph refused the first body form's parameters, which changes nothing", o.Posts)
	}
	return r
}

func refusalOf(err error) journal.Refusal {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return journal.Refusal{Code: ge.Code, Subcode: ge.Subcode, FBTraceID: ge.FBTraceID, Message: ge.Message}
	}
	return journal.Refusal{Message: err.Error()}
}

func hostOf(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return u.Host
}

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
	// User names the token's user for the journal; it is asked once, when
	// the first action is recorded. Nil asks Graph (GET /me). A failure
	// records the user as unknown: the action still goes.
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

// Run records a solution action, sends it through graph.RunAction and
// records its outcome. An error means that nothing was sent (the journal
// could not record it first).
func (a *Actor) Run(ctx context.Context, req Request) (Outcome, error) {
	change := Change{Action: req.Action.Command(), ObjectID: req.Solution.ID, ObjectName: req.Solution.Name,
		StateBefore: req.Solution.StateLabel(), Reason: req.Reason}
	var out Outcome
	id, journalErr, err := a.Record(ctx, change, func(ctx context.Context) Effect {
		out.ActionOutcome = a.Client.RunAction(ctx, graph.ActionCall{SolutionID: req.Solution.ID, Action: req.Action, AppID: a.AppID, Role: req.Role, Reason: req.Reason})
		return effectOf(out.ActionOutcome)
	})
	out.EntryID, out.JournalErr = id, journalErr
	return out, err
}

// Change is any POST mps makes, as the journal records it before it goes.
type Change struct {
	Action      string // the command's word: accept, create, subscribe, credit-share, ...
	ObjectID    string // "" when the POST makes the object (create)
	ObjectName  string
	StateBefore string
	Reason      string
}

// Effect is what a POST did, as the journal records it after.
type Effect struct {
	// Sent says the request left the machine; a POST refused before it
	// went (a bad ID, no token) is not sent.
	Sent bool
	// Err is the POST's error: nil when it was done.
	Err error
	// ObjectID is the object the POST made, when it made one.
	ObjectID   string
	StateAfter string // as read after the POST; "" when not read
	Note       string
}

// Record journals one change around send, which sends the POST once and
// reports its effect. It returns the entry's ID, whether recording the
// effect failed (the entry then stays in flight, for the next start to
// complete), and an error when the journal could not record the change
// first: then send was not called and nothing was sent.
func (a *Actor) Record(ctx context.Context, ch Change, send func(context.Context) Effect) (id int64, journalErr, err error) {
	if a.Journal == nil {
		return 0, nil, &NotRecordedError{Err: errors.New("no journal is configured")}
	}
	id, err = a.Journal.Begin(ctx, journal.Entry{
		Started:     a.Now(),
		Profile:     a.Profile,
		AppID:       a.AppID,
		Host:        hostOf(a.Client.BaseURL()),
		User:        a.userName(ctx),
		Action:      ch.Action,
		ObjectID:    ch.ObjectID,
		ObjectName:  ch.ObjectName,
		StateBefore: ch.StateBefore,
		Reason:      ch.Reason,
	})
	if err != nil {
		return 0, nil, &NotRecordedError{Err: err}
	}
	effect := send(ctx)
	// The effect is recorded even when ctx has ended since: the POST went.
	return id, a.Journal.Finish(context.WithoutCancel(ctx), id, resultOf(effect, a.Now())), nil
}

func (a *Actor) userName(ctx context.Context) string {
	a.userOnce.Do(func() {
		a.user = "unknown"
		ask := a.User
		if ask == nil {
			ask = a.me
		}
		if name, err := ask(ctx); err == nil && name != "" {
			a.user = name
		}
	})
	return a.user
}

// effectOf is a solution action's outcome as an Effect.
func effectOf(o graph.ActionOutcome) Effect {
	e := Effect{Sent: o.Posts > 0, Err: o.Err}
	if o.After != nil {
		e.StateAfter = o.After.StateLabel()
	}
	if o.Posts > 1 {
		e.Note = fmt.Sprintf("sent %d times: Graph refused the first body form's parameters, which changes nothing", o.Posts)
	}
	return e
}

// resultOf is the journal's view of an effect.
func resultOf(e Effect, now time.Time) journal.Result {
	r := journal.Result{Finished: now, ObjectID: e.ObjectID, StateAfter: e.StateAfter, Note: e.Note}
	switch {
	case !e.Sent:
		r.Outcome = journal.NotSent
	case e.Err == nil:
		r.Outcome = journal.Done
	case graph.IsUnknownOutcome(e.Err):
		r.Outcome = journal.Unknown
	default:
		r.Outcome = journal.Refused
	}
	if e.Err != nil {
		r.Refusal = refusalOf(e.Err)
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

// me names the token's user as GET /me does: "Name (ID)".
func (a *Actor) me(ctx context.Context) (string, error) {
	me, err := a.Client.Me(ctx)
	if err != nil {
		return "", err
	}
	if me.Name == "" {
		return me.ID, nil
	}
	return me.Name + " (" + me.ID + ")", nil
}

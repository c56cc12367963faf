package journal

import (
	"context"
	"time"
)

// Outcome is how an action ended, as far as mps knows.
type Outcome string

const (
	// InFlight: begun, and no outcome recorded. After mps has stopped it
	// means the POST may or may not have been sent.
	InFlight Outcome = "in_flight"
	Done     Outcome = "done"
	Refused  Outcome = "refused"
	// Unknown: sent, with no answer that says whether Graph applied it.
	Unknown Outcome = "unknown"
	// NotSent: nothing left this machine (a bad ID, no token).
	NotSent Outcome = "not_sent"
)

// Refusal is Graph's answer to a refused or failed action.
type Refusal struct {
	Code      int
	Subcode   int
	FBTraceID string
	Message   string
}

// Entry is one action in the journal.
type Entry struct {
	ID int64
	// Origin is the journal handle (one run of mps) that began the entry:
	// Journal.Origin of the handle, random for each Open.
	Origin      string
	Started     time.Time
	Profile     string
	AppID       string // our app
	Host        string // the Graph host the POST went to
	User        string // the token's user, as GET /me names it
	Action      string // the command's word: accept, reject, deactivate, create, ...
	ObjectID    string // the solution (for create: filled in after, from the answer)
	ObjectName  string
	StateBefore string
	Reason      string // the reason sent with the action, if any

	Outcome    Outcome
	Refusal    Refusal // for Refused, and for Unknown when Graph said something
	StateAfter string  // as read after the action; "" when the read failed
	Finished   time.Time
	// Note says how the outcome was learnt when it was not from the POST's
	// own answer: "read again after mps stopped before the outcome".
	Note string
}

// Result completes an entry.
type Result struct {
	Outcome    Outcome
	ObjectID   string // set when the action made the object (create)
	Refusal    Refusal
	StateAfter string
	Finished   time.Time
	Note       string
}

// Query narrows a listing; its zero value lists every entry.
type Query struct {
	Since    time.Time // entries started at or after it
	ObjectID string
	Limit    int // 0: no limit
}

// Journal is where actions are recorded. Both the dashboard and the
// commands take one; it is safe for concurrent use.
type Journal interface {
	// Begin records an action about to be sent and returns its ID. The
	// entry is on disk when Begin returns: the POST goes only after it.
	Begin(ctx context.Context, e Entry) (int64, error)
	// Finish records the outcome of the entry.
	Finish(ctx context.Context, id int64, r Result) error
	// InFlight lists the entries begun and never finished, oldest first.
	InFlight(ctx context.Context) ([]Entry, error)
	// List lists entries matching q, newest first.
	List(ctx context.Context, q Query) ([]Entry, error)
	// Get reads one entry; one that is not there gives an error for which
	// errors.Is(err, ErrNoEntry) is true.
	Get(ctx context.Context, id int64) (Entry, error)
	// Origin is this handle's: the Origin of the entries it begins, so
	// that a follower tells its own actions from a teammate's.
	Origin() string
	Close() error
}

// Change is an entry begun or finished, by anyone, as a Follower tells it.
// A Change with ID 0 and no Lost says that the connection was lost and
// made again: changes meanwhile went untold, so the journal should be read
// again.
type Change struct {
	ID      int64
	Origin  string
	Outcome Outcome
	// Lost, on a Change of ID 0, says that the follower lost its
	// connection, or cannot make it (a postgres.UnreachableError when the
	// server is out of reach): nothing is told until a Change of ID 0
	// without Lost says it follows again.
	Lost error
}

// Follower is a journal that can tell of changes as they are committed
// (type-assert a Journal to find out).
type Follower interface {
	// Follow returns, on PostgreSQL, a channel of every change committed
	// from now on by anyone, in commit order, reconnecting by itself; it
	// closes when ctx ends. The error is the first connection's. On
	// SQLite it returns nil, nil: the caller reads again after its own
	// actions, as before.
	Follow(ctx context.Context) (<-chan Change, error)
}

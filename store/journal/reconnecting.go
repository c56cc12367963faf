package journal

import (
	"context"
	"errors"
	"sync"

	"mps/store/postgres"
)

// Reconnecting is the journal in a PostgreSQL database that may be out of
// reach when it is wanted: a dashboard starts without it, and it is
// opened when first used, and on each use after that until it opens. Once
// open it is the Store, whose connections come back by themselves. An
// action it cannot record fails (Begin's error), so nothing is sent.
type Reconnecting struct {
	url    string
	opts   postgres.Options
	origin string // the same before the store opens as after

	mu      sync.Mutex
	store   *Store
	opening *opening // the attempt under way, which who asks meanwhile waits for
	closed  bool
}

// opening is one attempt at opening the store.
type opening struct {
	done  chan struct{}
	store *Store
	err   error
}

var (
	_ Journal  = (*Reconnecting)(nil)
	_ Follower = (*Reconnecting)(nil)
)

// errClosed is the answer of a Reconnecting journal after Close.
var errClosed = errors.New("journal: closed")

// OpenPostgresReconnecting opens the journal at url as OpenPostgres does.
// When the server cannot be reached (a postgres.UnreachableError) it gives
// the journal all the same, not open yet, and no error; other errors
// (the URL, the password, the role's privileges) are OpenPostgres's.
func OpenPostgresReconnecting(ctx context.Context, url string, o postgres.Options) (*Reconnecting, error) {
	r := &Reconnecting{url: url, opts: o, origin: newOrigin()}
	var down *postgres.UnreachableError
	if _, err := r.open(ctx); err != nil && !errors.As(err, &down) {
		return nil, err
	}
	return r, nil
}

// open is the store, opened now unless it is already; callers at once
// share one attempt.
func (r *Reconnecting) open(ctx context.Context) (*Store, error) {
	for {
		r.mu.Lock()
		switch {
		case r.closed:
			r.mu.Unlock()
			return nil, errClosed
		case r.store != nil:
			s := r.store
			r.mu.Unlock()
			return s, nil
		case r.opening == nil:
			o := &opening{done: make(chan struct{})}
			r.opening = o
			r.mu.Unlock()
			return r.attempt(ctx, o)
		}
		o := r.opening
		r.mu.Unlock()
		select {
		case <-o.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		// An attempt that ended with its caller's ctx says nothing of the
		// server: try again on this one's.
		if o.err == nil || !isCtxErr(o.err) {
			return o.store, o.err
		}
	}
}

// attempt opens the store for o and tells who waits.
func (r *Reconnecting) attempt(ctx context.Context, o *opening) (*Store, error) {
	s, err := openPostgres(ctx, r.url, r.opts, r.origin)
	r.mu.Lock()
	r.opening = nil
	if err == nil && r.closed {
		s.Close()
		s, err = nil, errClosed
	}
	if err == nil {
		r.store = s
	}
	r.mu.Unlock()
	o.store, o.err = s, err
	close(o.done)
	return s, err
}

func isCtxErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// Where names the journal for messages: its URL without the password.
func (r *Reconnecting) Where() string { return postgres.Redact(r.url) }

// Origin implements Journal: chosen before the store opens, it is the
// Origin of every entry this journal begins.
func (r *Reconnecting) Origin() string { return r.origin }

// Close closes the store, if it opened; an attempt under way closes what
// it opens.
func (r *Reconnecting) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	if r.store == nil {
		return nil
	}
	return r.store.Close()
}

// Begin implements Journal: a store that does not open records nothing,
// and says why.
func (r *Reconnecting) Begin(ctx context.Context, e Entry) (int64, error) {
	s, err := r.open(ctx)
	if err != nil {
		return 0, err
	}
	return s.Begin(ctx, e)
}

// Finish implements Journal.
func (r *Reconnecting) Finish(ctx context.Context, id int64, res Result) error {
	s, err := r.open(ctx)
	if err != nil {
		return err
	}
	return s.Finish(ctx, id, res)
}

// InFlight implements Journal.
func (r *Reconnecting) InFlight(ctx context.Context) ([]Entry, error) {
	s, err := r.open(ctx)
	if err != nil {
		return nil, err
	}
	return s.InFlight(ctx)
}

// List implements Journal.
func (r *Reconnecting) List(ctx context.Context, q Query) ([]Entry, error) {
	s, err := r.open(ctx)
	if err != nil {
		return nil, err
	}
	return s.List(ctx, q)
}

// Get implements Journal.
func (r *Reconnecting) Get(ctx context.Context, id int64) (Entry, error) {
	s, err := r.open(ctx)
	if err != nil {
		return Entry{}, err
	}
	return s.Get(ctx, id)
}

// Follow implements Follower. It returns at once and no error: while the
// store does not open or cannot be followed it tries again by itself
// (postgres.Retry's waits), after a Change whose Lost says why; once it
// follows after that, a Change of ID 0 says to read the journal again.
// The Store's own Follow then tells of changes, losses and reconnections.
func (r *Reconnecting) Follow(ctx context.Context) (<-chan Change, error) {
	out := make(chan Change)
	go r.follow(ctx, out)
	return out, nil
}

func (r *Reconnecting) follow(ctx context.Context, out chan<- Change) {
	defer close(out)
	send := func(c Change) bool {
		select {
		case out <- c:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var in <-chan Change
	told := false // that it does not follow
	followed := postgres.Retry(ctx, func() error {
		s, err := r.open(ctx)
		if err == nil {
			in, err = s.Follow(ctx)
		}
		if err != nil && !told && ctx.Err() == nil {
			told = send(Change{Lost: err})
		}
		return err
	})
	if !followed || (told && !send(Change{})) {
		return
	}
	for c := range in {
		if !send(c) {
			return
		}
	}
}

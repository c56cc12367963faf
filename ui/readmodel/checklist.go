package readmodel

import (
	"context"
	"slices"
	"sync"
	"time"

	"mps/graph"
	"mps/store/eventlog"
)

// NotListedName stands for the name of a customer the API does not list:
// only Graph's list gives names, and the event log has none.
const NotListedName = "(not listed by the API)"

// Customer is one customer the onboarding checklist covers: a WABA that a
// PARTNER_ADDED reported (and not removed since), or that the API lists.
type Customer struct {
	WABA       graph.WABA
	SolutionID string    // from the log; "" when only the API lists it
	Listed     bool      // listed by client_whatsapp_business_accounts
	FirstSeen  time.Time // the first report; zero when only the API lists it
}

// Customers joins the log's reports with the API's list, newest report
// first, then the WABAs only the API lists, by ID. With solutionID, only
// the customers the log says came through that solution.
func Customers(seen []eventlog.SeenWABA, listed []graph.WABA, solutionID string) []Customer {
	byID := make(map[string]graph.WABA, len(listed))
	for _, w := range listed {
		byID[w.ID] = w
	}
	isListed := func(id string) bool { _, ok := byID[id]; return ok }
	var out []Customer
	reported := map[string]bool{}
	for _, s := range seen {
		if s.Removed && !isListed(s.WABAID) || solutionID != "" && s.SolutionID != solutionID {
			continue
		}
		w, ok := byID[s.WABAID]
		if !ok {
			w = graph.WABA{ID: s.WABAID}
		}
		reported[s.WABAID] = true
		out = append(out, Customer{WABA: w, SolutionID: s.SolutionID, Listed: ok, FirstSeen: s.FirstSeen})
	}
	slices.SortFunc(out, func(a, b Customer) int {
		if c := b.FirstSeen.Compare(a.FirstSeen); c != 0 {
			return c
		}
		return compareIDs(a.WABA.ID, b.WABA.ID)
	})
	if solutionID != "" {
		return out
	}
	var onlyListed []Customer
	for _, w := range listed {
		if !reported[w.ID] {
			reported[w.ID] = true
			onlyListed = append(onlyListed, Customer{WABA: w, Listed: true})
		}
	}
	slices.SortFunc(onlyListed, func(a, b Customer) int { return compareIDs(a.WABA.ID, b.WABA.ID) })
	return append(out, onlyListed...)
}

// ChecklistReads reads the checks of the onboarding checklist lazily and
// at most once per WABA and check: each answer is kept with its time for
// the life of the value (one refresh, one run of a command). The credit
// lines' shares are read once for all WABAs. Safe for concurrent use.
type ChecklistReads struct {
	Client     *graph.Client
	AppID      string
	BusinessID string
	Now        func() time.Time
	// Solutions are our solutions by ID, for whether the credit item
	// applies (we hold MESSAGING); a solution not in it counts as applying.
	Solutions map[string]*graph.Solution

	mu         sync.Mutex
	subscribed map[string]*cached[bool]
	funding    map[string]*cached[string]
	shares     *cached[[]graph.AllocationConfig]
}

// cached is one read's answer, the time it was read, and its error.
type cached[T any] struct {
	once  sync.Once
	value T
	err   error
	at    time.Time
}

func (c *cached[T]) get(now func() time.Time, read func() (T, error)) (T, error) {
	c.once.Do(func() { c.value, c.err = read(); c.at = now() })
	return c.value, c.err
}

func entry[T any](mu *sync.Mutex, m *map[string]*cached[T], key string) *cached[T] {
	mu.Lock()
	defer mu.Unlock()
	if *m == nil {
		*m = map[string]*cached[T]{}
	}
	if (*m)[key] == nil {
		(*m)[key] = &cached[T]{}
	}
	return (*m)[key]
}

// Check reads what the customer's checklist needs (once per WABA and
// check) and decides it. A customer the API does not list cannot be read:
// its other items stay unchecked, but the credit item is — when it does
// not apply, as the solution alone decides that.
func (r *ChecklistReads) Check(ctx context.Context, c Customer) graph.Checklist {
	out := graph.Checklist{Listed: graph.MarkOf(c.Listed, nil), Subscribed: graph.MarkUnchecked, Credit: graph.MarkUnchecked}
	applies := graph.CreditApplies(r.Solutions[c.SolutionID], r.AppID)
	if !applies {
		out.Credit = graph.MarkNotApplicable
	}
	if !c.Listed {
		return out
	}
	out.Subscribed = graph.MarkOf(r.Subscribed(ctx, c.WABA.ID))
	if !applies {
		return out
	}
	credit, err := r.CreditShare(ctx, c.WABA.ID)
	out.Credit = graph.MarkOf(credit.Verified, err)
	return out
}

// CheckedAt is when the WABA's checks were last read; zero when none was.
func (r *ChecklistReads) CheckedAt(wabaID string) time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	var at time.Time
	if c := r.subscribed[wabaID]; c != nil && c.at.After(at) {
		at = c.at
	}
	if c := r.funding[wabaID]; c != nil && c.at.After(at) {
		at = c.at
	}
	return at
}

// Subscribed says whether our app is subscribed to the WABA's webhooks.
func (r *ChecklistReads) Subscribed(ctx context.Context, wabaID string) (bool, error) {
	return entry(&r.mu, &r.subscribed, wabaID).get(r.Now, func() (bool, error) {
		apps, err := r.Client.SubscribedApps(ctx, wabaID)
		return graph.AppSubscribed(apps, r.AppID), err
	})
}

// CreditState is how our credit line stands with one WABA.
type CreditState struct {
	PrimaryFundingID string                 // "" when the WABA has none
	Share            graph.AllocationConfig // the share that funds it, when Verified
	Verified         bool
}

// CreditShare finds the share of our credit lines that funds the WABA, and
// whether it verifies (the guide's two reads).
func (r *ChecklistReads) CreditShare(ctx context.Context, wabaID string) (CreditState, error) {
	funding, err := entry(&r.mu, &r.funding, wabaID).get(r.Now, func() (string, error) {
		return r.Client.PrimaryFunding(ctx, wabaID)
	})
	st := CreditState{PrimaryFundingID: funding}
	if err != nil || funding == "" {
		return st, err
	}
	shares, err := r.allShares(ctx)
	if err != nil {
		return st, err
	}
	st.Share, st.Verified = graph.ShareOf(shares, funding)
	return st, nil
}

// allShares reads every credit line's shares, once.
func (r *ChecklistReads) allShares(ctx context.Context) ([]graph.AllocationConfig, error) {
	r.mu.Lock()
	if r.shares == nil {
		r.shares = &cached[[]graph.AllocationConfig]{}
	}
	c := r.shares
	r.mu.Unlock()
	return c.get(r.Now, func() ([]graph.AllocationConfig, error) {
		lines, err := r.Client.CreditLines(ctx, r.BusinessID)
		if err != nil {
			return nil, err
		}
		var all []graph.AllocationConfig
		for _, l := range lines {
			shares, err := r.Client.Allocations(ctx, l.ID)
			if err != nil {
				return nil, err
			}
			all = append(all, shares...)
		}
		return all, nil
	})
}

package readmodel

import (
	"context"
	"sync"

	"mps/graph"
)

// checkWorkers bounds the checklist's reads in flight: they count against
// Graph's per-WABA limits, so a few at a time.
const checkWorkers = 4

// CheckAll decides every customer's checklist, a few reads at a time; the
// answers are in the customers' order.
func (r *ChecklistReads) CheckAll(ctx context.Context, customers []Customer) []graph.Checklist {
	out := make([]graph.Checklist, len(customers))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(checkWorkers, len(customers)) {
		wg.Go(func() {
			for i := range next {
				out[i] = r.Check(ctx, customers[i])
			}
		})
	}
	for i := range customers {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// VerifyShare is the guide's check after a share: the allocation and the
// WABA's primary funding, both read fresh (not from the cache).
func VerifyShare(ctx context.Context, c *graph.Client, share *graph.CreditShare) (bool, error) {
	alloc, err := c.Allocation(ctx, share.AllocationConfigID)
	if err != nil {
		return false, err
	}
	funding, err := c.PrimaryFunding(ctx, share.WABAID)
	if err != nil {
		return false, err
	}
	return graph.ShareVerified(*alloc, funding), nil
}

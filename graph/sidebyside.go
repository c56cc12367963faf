package graph

import (
	"context"
	"iter"
	"sync"
)

// sideBySide reads several page chains at once, each in its own goroutine,
// and yields their pages as they arrive: the wall time is the longest
// chain's, not the sum. Each chain is opened with a context that ends when
// the consumer stops, so a chain still fetching is cancelled, not waited
// out. A page says HasNext while any chain has pages to come, so the last
// page yielded is the only one without it. The first error ends the whole
// sequence (the other chains are cancelled).
func sideBySide[T any](ctx context.Context, chains ...func(context.Context) iter.Seq2[Page[T], error]) iter.Seq2[Page[T], error] {
	return func(yield func(Page[T], error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer func() { cancel(); wg.Wait() }()

		type arrival struct {
			chain int
			page  Page[T]
			err   error
			end   bool // the chain has nothing more
		}
		arrivals := make(chan arrival)
		for i, open := range chains {
			wg.Add(1)
			go func() {
				defer wg.Done()
				send := func(a arrival) bool {
					select {
					case arrivals <- a:
						return true
					case <-ctx.Done():
						return false
					}
				}
				for page, err := range open(ctx) {
					if !send(arrival{chain: i, page: page, err: err}) || err != nil {
						return
					}
				}
				send(arrival{chain: i, end: true})
			}()
		}

		ended := make([]bool, len(chains))
		left := len(chains)
		endChain := func(i int) {
			if !ended[i] {
				ended[i], left = true, left-1
			}
		}
		for left > 0 {
			a := <-arrivals
			if a.end {
				endChain(a.chain)
				continue
			}
			if a.err != nil {
				yield(Page[T]{Data: a.page.Data}, a.err)
				return
			}
			if !a.page.HasNext() {
				// The pagers end a chain after a page without next.
				endChain(a.chain)
			}
			a.page.more = left > 0
			if !yield(a.page, nil) {
				return
			}
		}
	}
}

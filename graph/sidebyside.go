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
// out. The first page yielded holds the first page of every chain; after
// it, pages come as they arrive. A page says HasNext while any chain has
// pages to come, so the last page yielded is the only one without it. The
// first error ends the whole sequence (the other chains are cancelled).
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
		// A chain's error goes here, never blocking: each chain sends at most
		// one, and it must reach the reader even when the context has ended
		// (a throttle wait stopped by Ctrl-C says so in its error).
		failures := make(chan arrival, len(chains))
		// released closes once the first page is out: until then each chain
		// stops after its first page, so that page is exactly the first page
		// of every chain and no chain runs ahead of it.
		released := make(chan struct{})
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
				firstPage := true
				for page, err := range open(ctx) {
					if err != nil {
						failures <- arrival{chain: i, page: page, err: err}
						return
					}
					if !send(arrival{chain: i, page: page}) {
						return
					}
					if firstPage {
						firstPage = false
						select {
						case <-released:
						case <-ctx.Done():
							return
						}
					}
				}
				send(arrival{chain: i, end: true})
			}()
		}

		ended := make([]bool, len(chains))
		heard := make([]bool, len(chains))
		left, silent := len(chains), len(chains)
		// Until every chain has answered once, what arrives is gathered into
		// the first page, so which chain answers first changes nothing a
		// reader sees.
		gathering, gathered := true, []T(nil)
		for left > 0 {
			var a arrival
			select {
			case a = <-arrivals:
			case a = <-failures:
			case <-ctx.Done():
				// The caller's context ended: the chains stop, and the error one
				// of them gave on the way out says more than ctx.Err.
				cancel()
				wg.Wait()
				select {
				case a = <-failures:
				default:
					a = arrival{err: ctx.Err()}
				}
			}
			if !heard[a.chain] {
				heard[a.chain], silent = true, silent-1
			}
			if a.err != nil {
				yield(Page[T]{Data: append(gathered, a.page.Data...)}, a.err)
				return
			}
			if (a.end || !a.page.HasNext()) && !ended[a.chain] {
				// The pagers end a chain after a page without next.
				ended[a.chain], left = true, left-1
			}
			page := a.page
			switch {
			case gathering:
				gathered = append(gathered, page.Data...)
				if silent > 0 {
					continue
				}
				gathering, page = false, Page[T]{Data: gathered}
				close(released)
			case a.end:
				continue
			}
			page.more = left > 0
			if !yield(page, nil) {
				return
			}
		}
	}
}

package graph

import (
	"context"
	"sync"
)

// ReadSides fills in the sides of the solutions in list that lack them
// (LacksSides) with each one's own read, SideReadsAtOnce at a time, keeping
// what the list said (KeepKnown). It stops at the first read that fails and
// returns its error; read counts the reads sent.
func (c *Client) ReadSides(ctx context.Context, list []Solution) (read int, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	slots := make(chan struct{}, SideReadsAtOnce)
	for i := range list {
		if !list[i].LacksSides() {
			continue
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		read++
		wg.Add(1)
		go func(s *Solution) {
			defer func() { <-slots; wg.Done() }()
			fresh, err := c.Solution(ctx, s.ID)
			if err != nil {
				mu.Lock()
				if first == nil {
					first = err
					cancel()
				}
				mu.Unlock()
				return
			}
			*s = KeepKnown(*fresh, *s)
		}(&list[i])
	}
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return read, first
}

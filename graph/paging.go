package graph

import (
	"context"
	"iter"
	"net/url"
	"strconv"
)

// PagingError ends a list whose paging cannot be followed safely: without
// it a confused server could make a list loop forever.
type PagingError string

func (e PagingError) Error() string { return string(e) }

const (
	ErrNoCursor       PagingError = "graph: the server said more pages follow but gave no after cursor; the list is incomplete"
	ErrRepeatedCursor PagingError = "graph: the server repeated a page cursor; the list is incomplete"
)

// maxStalls is how many empty pages in a row may repeat a cursor before
// the list is given up as looping.
const maxStalls = 3

// pages requests a list page by page with `after` cursors, always on the
// client's own base URL. paging.next only says whether another page exists:
// it is never requested, since it may name another host and carry a token.
func pages[T any](ctx context.Context, c *Client, first request, limit int) iter.Seq2[Page[T], error] {
	return func(yield func(Page[T], error) bool) {
		seen := map[string]bool{}
		after, stalls := "", 0
		for {
			r := first
			r.query = withPaging(first.query, limit, after)
			var page Page[T]
			if err := c.fetch(ctx, r, &page); err != nil {
				yield(Page[T]{}, err)
				return
			}
			if !yield(page, nil) || !page.HasNext() {
				return
			}
			next := page.Paging.Cursors.After
			switch {
			case next == "":
				yield(Page[T]{}, ErrNoCursor)
				return
			case !seen[next]:
				stalls = 0
			case len(page.Data) == 0 && stalls < maxStalls:
				// An empty page that points back where it stood: ask again, a few times.
				stalls++
			default:
				yield(Page[T]{}, ErrRepeatedCursor)
				return
			}
			seen[next] = true
			after = next
		}
	}
}

// withPaging copies query and adds limit and after.
func withPaging(query url.Values, limit int, after string) url.Values {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(pageSize(limit)))
	if after != "" {
		q.Set("after", after)
	}
	return q
}

// pageSize is limit within 1..MaxPageSize; 0 or less means the largest.
func pageSize(limit int) int {
	if limit <= 0 || limit > MaxPageSize {
		return MaxPageSize
	}
	return limit
}

// collect gathers every item of every page. On an error it returns the
// items read so far with the error.
func collect[T any](seq iter.Seq2[Page[T], error]) ([]T, error) {
	var all []T
	for page, err := range seq {
		if err != nil {
			return all, err
		}
		all = append(all, page.Data...)
	}
	return all, nil
}

// edgePages lists one edge of an object after checking the object's ID;
// what names the kind of object in the error.
func edgePages[T any](ctx context.Context, c *Client, what, id, edge string, query url.Values, limit int) iter.Seq2[Page[T], error] {
	if err := checkID(what, id); err != nil {
		return failed[T](err)
	}
	return pages[T](ctx, c, get(query, id, edge), limit)
}

// failed is a page sequence that yields only err, for arguments refused
// before any request.
func failed[T any](err error) iter.Seq2[Page[T], error] {
	return func(yield func(Page[T], error) bool) { yield(Page[T]{}, err) }
}

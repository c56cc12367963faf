package eventlog

import (
	"context"
	"fmt"
)

// copyPage is how many events Copy reads and writes at a time: a
// delivery's worth, one transaction each.
const copyPage = 1000

// Copy appends every event of from to to, oldest first, and returns how
// many were new there. Events whose de-duplication key to has already are
// skipped, so that a second run copies nothing; to's IDs are its own.
func Copy(ctx context.Context, from, to *Log) (copied int, err error) {
	var after int64
	for {
		page, err := from.List(ctx, Query{AfterID: after, Limit: copyPage})
		if err != nil {
			return copied, fmt.Errorf("copying from %s: %w", from.Where(), err)
		}
		if len(page) == 0 {
			return copied, nil
		}
		n, err := to.Append(ctx, page)
		if err != nil {
			return copied, fmt.Errorf("copying to %s: %w", to.Where(), err)
		}
		copied += n
		after = page[len(page)-1].ID
	}
}

package readmodel

import (
	"context"
	"time"

	"mps/store/eventlog"
)

// LastWebhook is when the newest webhook in the log arrived; zero when the
// log holds none. It reads the last window first (within reach of
// silence's warning), and the whole log only when that window is empty.
func LastWebhook(ctx context.Context, log *eventlog.Log, now time.Time, window time.Duration) (time.Time, error) {
	for _, since := range []time.Time{now.Add(-window), {}} {
		events, err := log.List(ctx, eventlog.Query{Since: since})
		if err != nil {
			return time.Time{}, err
		}
		var last time.Time
		for _, e := range events {
			if e.Received.After(last) {
				last = e.Received
			}
		}
		if !last.IsZero() {
			return last, nil
		}
	}
	return time.Time{}, nil
}

package ui

import "time"

// retryCap is the longest a failing read of the stores waits before it is
// tried again.
const retryCap = 15 * time.Second

// retryWait is how long to wait before trying a read again that failed
// fails times in a row: base, then twice as long each time, up to retryCap.
func retryWait(base time.Duration, fails int) time.Duration {
	d := base
	for i := 1; i < fails && d < retryCap; i++ {
		d *= 2
	}
	return min(d, retryCap)
}

package ui

import (
	"testing"
	"time"
)

func TestRetryWaitDoublesUpToTheCap(t *testing.T) {
	for _, c := range []struct {
		base  time.Duration
		fails int
		want  time.Duration
	}{
		{time.Second, 0, time.Second},
		{time.Second, 1, time.Second},
		{time.Second, 2, 2 * time.Second},
		{time.Second, 4, 8 * time.Second},
		{time.Second, 5, retryCap},
		{time.Second, 1000, retryCap},
		{5 * time.Millisecond, 3, 20 * time.Millisecond},
		{time.Hour, 1, retryCap},
	} {
		if got := retryWait(c.base, c.fails); got != c.want {
			t.Errorf("retryWait(%s, %d) = %s, want %s", c.base, c.fails, got, c.want)
		}
	}
}

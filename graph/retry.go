package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// RetryPolicy bounds retries of idempotent GETs. Action POSTs are never
// retried, whatever the policy says.
type RetryPolicy struct {
	MaxAttempts int           // including the first; 1 disables retries
	BaseDelay   time.Duration // first backoff
	MaxDelay    time.Duration // cap on one backoff
	MaxElapsed  time.Duration // cap on the whole call, backoff waits included; throttle waits are capped by MaxThrottle instead
	MaxThrottle time.Duration // longest wait mps accepts when throttled
}

// DefaultRetryPolicy is what New uses: four attempts, backoff from half a
// second up to eight, at most a minute spent on one call apart from a
// throttle wait, and throttle waits of up to five minutes.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxAttempts: 4,
		BaseDelay:   500 * time.Millisecond,
		MaxDelay:    8 * time.Second,
		MaxElapsed:  time.Minute,
		MaxThrottle: 5 * time.Minute,
	}
}

// fetch runs an idempotent request, retrying transient failures with
// backoff and throttling with the wait Graph asked for.
func (c *Client) fetch(ctx context.Context, r request, out any) error {
	start := c.clock.Now()
	var throttleWaits time.Duration
	// until is the throttle deadline this call reported; only this call
	// may clear it, since other calls succeeding (another endpoint, another
	// business) say nothing about the wait this one is serving.
	var until time.Time
	for attempt := 1; ; attempt++ {
		r.retry = attempt - 1
		err := c.attempt(ctx, r, out)
		if err == nil {
			c.clearThrottledUntil(until)
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
		elapsed := c.clock.Now().Sub(start) - throttleWaits
		wait, throttled, ok := c.retryWait(err, attempt, elapsed)
		if throttled {
			until = later(until, c.clock.Now().Add(holdOff(err, wait, ok)))
			c.setThrottledUntil(until)
		}
		if !ok {
			return err
		}
		if throttled {
			throttleWaits += wait
			if c.onThrottle != nil {
				c.onThrottle(wait)
			}
		}
		if werr := c.sleep(ctx, wait); werr != nil {
			c.clearThrottledUntil(until) // nobody waits for it any more
			return fmt.Errorf("graph: stopped waiting to retry: %w; last error: %w", werr, err)
		}
	}
}

// attempt is one request and the decoding of its answer.
func (c *Client) attempt(ctx context.Context, r request, out any) error {
	token, err := c.accessToken(ctx)
	if err != nil {
		return err
	}
	resp, _, err := c.send(ctx, r, token)
	if err != nil {
		return err
	}
	return resp.decode(token, out)
}

// retryWait decides whether to try again after err and how long to wait
// first. throttled says the wait is a throttle wait (which the usage
// reports); ok is false when the call should give up.
func (c *Client) retryWait(err error, attempt int, elapsed time.Duration) (wait time.Duration, throttled, ok bool) {
	p := c.retry
	class := ClassOf(err)
	if IsTimeout(err) {
		// A server that did not answer in time is not asked again: that
		// would multiply the wait the person chose.
		return 0, false, false
	}
	if class == ClassThrottled {
		var graphErr *Error
		if errors.As(err, &graphErr) && graphErr.RetryAfter > 0 {
			wait = graphErr.RetryAfter
			return wait, true, attempt < p.MaxAttempts && wait <= p.MaxThrottle
		}
	} else if class != ClassTransient {
		return 0, false, false
	}
	wait = backoff(p, attempt)
	return wait, class == ClassThrottled, attempt < p.MaxAttempts && elapsed+wait <= p.MaxElapsed
}

// holdOff is how long a throttle keeps calls off: the wait before the
// retry, or, once the call gives up, the wait Graph stated and otherwise
// ThrottleFallback, so that the throttle stays known (and shown) after the
// last answer rather than for the length of a backoff.
func holdOff(err error, wait time.Duration, retrying bool) time.Duration {
	var graphErr *Error
	if retrying || (errors.As(err, &graphErr) && graphErr.RetryAfter > 0) {
		return wait
	}
	return max(wait, ThrottleFallback)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// backoff is BaseDelay doubled per attempt, capped at MaxDelay, with the
// upper half jittered so that many clients do not retry in step.
func backoff(p RetryPolicy, attempt int) time.Duration {
	d := p.BaseDelay
	for i := 1; i < attempt && d < p.MaxDelay; i++ {
		d *= 2
	}
	if p.MaxDelay > 0 && d > p.MaxDelay {
		d = p.MaxDelay
	}
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// sleep waits on the client's clock, or until ctx ends.
func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-c.clock.After(d):
		return nil
	}
}

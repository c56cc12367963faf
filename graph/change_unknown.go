package graph

import (
	"context"
	"fmt"
)

// ChangeUnknownError says a setup POST or DELETE (a webhook subscription, a
// credit-line share, a revoke) was sent but its result could not be read:
// it may or may not have taken effect, and it is never sent again by
// itself. Check names the read that tells.
type ChangeUnknownError struct {
	What  string // "subscribing app 123 to webhooks"
	Check string // "mps webhook subscriptions"
	Err   error
}

func (e *ChangeUnknownError) Error() string {
	return fmt.Sprintf("graph: %s: outcome unknown: check with %s before trying again (%v)", e.What, e.Check, e.Err)
}
func (e *ChangeUnknownError) Unwrap() error { return e.Err }
func (*ChangeUnknownError) outcomeUnknown() {}

// change sends a setup POST or DELETE once (postOnce) and decodes its
// answer into out (nil to ignore it).
func (c *Client) change(ctx context.Context, r request, what, check string, out any) error {
	unknown := func(cause error) error { return &ChangeUnknownError{What: what, Check: check, Err: cause} }
	resp, _, err := c.postOnce(ctx, r, what, unknown)
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	if err := resp.decode("", out); err != nil {
		return unknown(err)
	}
	return nil
}

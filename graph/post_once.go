package graph

import (
	"context"
	"fmt"
)

// postOnce sends a POST that changes something exactly once; it is never
// retried. sent says whether the request reached the connection: an error
// with sent false certainly changed nothing. After sending, a definite
// refusal (a Graph error object that is not transient, under 500) is
// returned as it is; anything else that is not success (a dropped
// connection, a timeout, a 5xx, a proxy page) becomes unknown(cause).
// what names the POST in the error when nothing was sent.
func (c *Client) postOnce(ctx context.Context, r request, what string, unknown func(cause error) error) (*response, bool, error) {
	token, err := c.accessToken(ctx)
	if err != nil {
		return nil, false, err
	}
	if err := ctx.Err(); err != nil {
		return nil, false, fmt.Errorf("graph: %s was not sent: %w", what, err)
	}
	resp, sent, err := c.send(ctx, r, token)
	if err != nil {
		if sent {
			return nil, true, unknown(err)
		}
		return nil, false, err
	}
	if err := resp.failure(token); err != nil {
		c.holdOffAfter(err)
		if definiteRefusal(err) {
			return nil, true, err
		}
		return nil, true, unknown(err)
	}
	return resp, true, nil
}

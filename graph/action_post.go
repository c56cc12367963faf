package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// ActionResult is what an action POST answered, in any documented shape.
type ActionResult struct {
	Success  bool
	Message  string
	Solution *Solution // set when the answer was the solution object
	Raw      []byte
}

// PostAction sends the action's POST exactly once. It is never retried.
// An outcome that cannot be known (timeout or reset after sending, or 5xx)
// is an error for which IsUnknownOutcome is true: read the solution again.
// A POST refused before anything was sent (bad ID, no token) is an
// ordinary error.
//
// It sends the guide's form, with no body. RunAction is the whole action:
// the POST, the read after it, and the other documented form when Graph
// refused the first one's parameters.
func (c *Client) PostAction(ctx context.Context, solutionID string, a Action) (*ActionResult, error) {
	res, _, err := c.post(ctx, solutionID, a, nil)
	return res, err
}

// post sends one action POST with body as its form (nil for none). sent
// says whether the request reached the connection: an error with sent
// false certainly changed nothing.
func (c *Client) post(ctx context.Context, solutionID string, a Action, body url.Values) (*ActionResult, bool, error) {
	if a < ActionAccept || a > ActionRejectDeactivation {
		return nil, false, fmt.Errorf("graph: unknown action %d", int(a))
	}
	if err := checkID("solution", solutionID); err != nil {
		return nil, false, err
	}
	unknown := func(cause error) error {
		return &OutcomeUnknownError{Action: a, SolutionID: solutionID, Err: cause}
	}
	r := request{method: http.MethodPost, segments: []string{solutionID, a.Edge()}, form: body}
	resp, sent, err := c.postOnce(ctx, r, a.Command(), unknown)
	if err != nil {
		return nil, sent, err
	}
	result, ok := parseActionResult(resp.body)
	if !ok {
		return nil, true, unknown(errors.New("graph: the server answered success: false without an error object"))
	}
	return result, true, nil
}

// definiteRefusal is a Graph error object on a 4xx (or a 2xx) answer that
// is not transient: the action certainly did not happen. Anything else
// after sending (5xx, transient codes, proxy pages) leaves it unknown.
func definiteRefusal(err error) bool {
	var graphErr *Error
	return errors.As(err, &graphErr) && graphErr.HTTPStatus < 500 && graphErr.Class() != ClassTransient
}

// parseActionResult accepts every documented success shape: {"success":true},
// the solution object, the v23 shapes with message, and an empty body. ok is
// false only for an explicit success: false.
func parseActionResult(body []byte) (*ActionResult, bool) {
	result := &ActionResult{Success: true, Raw: body}
	trimmed := bytes.TrimSpace(body)
	if bytes.Equal(trimmed, []byte("false")) {
		return nil, false
	}
	var fields map[string]json.RawMessage
	if len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(trimmed, &fields) != nil {
		return result, true
	}
	if raw, present := fields["success"]; present {
		var success bool
		if json.Unmarshal(raw, &success) == nil && !success {
			return nil, false
		}
	}
	result.Message = jsonString(fields["message"])
	_, hasID := fields["id"]
	_, hasStatus := fields["status"]
	_, hasName := fields["name"]
	if hasID && (hasStatus || hasName) {
		var s Solution
		if json.Unmarshal(trimmed, &s) == nil {
			result.Solution = &s
		}
	}
	return result, true
}

// holdOffAfter records the throttle a refused POST met. The POST is never
// retried, but the throttle holds for every call, and the status bar shows
// it: Graph's stated wait, or ThrottleFallback when it names none.
func (c *Client) holdOffAfter(err error) {
	if ClassOf(err) != ClassThrottled {
		return
	}
	var stated time.Duration
	var graphErr *Error
	if errors.As(err, &graphErr) {
		stated = graphErr.RetryAfter
	}
	c.setThrottledUntil(c.clock.Now().Add(holdOff(err, stated, false)))
}

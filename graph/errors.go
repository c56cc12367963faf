package graph

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Class is how mps reacts to an error.
type Class int

const (
	ClassUnknown Class = iota
	ClassTransient
	ClassThrottled
	ClassAuth
	ClassPermission
	ClassInvalid
)

func (c Class) String() string {
	switch c {
	case ClassTransient:
		return "transient"
	case ClassThrottled:
		return "throttled"
	case ClassAuth:
		return "auth"
	case ClassPermission:
		return "permission"
	case ClassInvalid:
		return "invalid"
	}
	return "unknown"
}

// Error is Graph's error object plus the HTTP status. The text fields have
// had the token removed by the time a caller sees them.
type Error struct {
	HTTPStatus  int    `json:"-"`
	Message     string `json:"message"`
	Type        string `json:"type"`
	Code        int    `json:"code"`
	Subcode     int    `json:"error_subcode,omitempty"`
	UserTitle   string `json:"error_user_title,omitempty"`
	UserMessage string `json:"error_user_msg,omitempty"`
	FBTraceID   string `json:"fbtrace_id,omitempty"`
	IsTransient bool   `json:"is_transient,omitempty"`
	ErrorData   any    `json:"error_data,omitempty"`

	// RetryAfter is how long Graph said to wait, from the usage header of
	// the same response; zero when it did not say.
	RetryAfter time.Duration `json:"-"`
}

// Error reads like: Graph error 190/463 (OAuthException, HTTP 400): <message>.
// Server text is cleaned of control characters and anything token-shaped.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Graph error %d", e.Code)
	if e.Subcode != 0 {
		fmt.Fprintf(&b, "/%d", e.Subcode)
	}
	var where []string
	if e.Type != "" {
		where = append(where, clean(e.Type))
	}
	if e.HTTPStatus != 0 {
		where = append(where, fmt.Sprintf("HTTP %d", e.HTTPStatus))
	}
	if len(where) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(where, ", "))
	}
	if msg := clean(e.Message); msg != "" {
		b.WriteString(": ")
		b.WriteString(msg)
	}
	if user := clean(e.UserMessage); user != "" && user != clean(e.Message) {
		fmt.Fprintf(&b, " (%s)", user)
	}
	if e.FBTraceID != "" {
		fmt.Fprintf(&b, " [fbtrace_id %s]", clean(e.FBTraceID))
	}
	return b.String()
}

// Class classifies by code, subcode and is_transient; the HTTP status only
// counts when the code says nothing (a 5xx is then transient).
func (e *Error) Class() Class {
	switch {
	case e.Code == 190 || e.Code == 102 || (e.Code == 0 && e.Type == "OAuthException"):
		return ClassAuth
	case isThrottleCode(e.Code):
		return ClassThrottled
	case e.IsTransient || e.Code == 1 || e.Code == 2:
		return ClassTransient
	case e.Code == 3 || e.Code == 10 || (e.Code >= 200 && e.Code <= 299):
		return ClassPermission
	case e.Code == 100 || e.Code == 803 || e.Code == 2500:
		return ClassInvalid
	case e.HTTPStatus >= 500:
		return ClassTransient
	}
	return ClassUnknown
}

func isThrottleCode(code int) bool {
	switch code {
	case 4, 17, 32, 341, 613, 130429, 131056:
		return true
	}
	return code >= 80000 && code <= 80014
}

// BodyError is an answer that is not a Graph error object: an HTML page from
// a proxy, malformed or truncated JSON, or a body over the size cap.
type BodyError struct {
	HTTPStatus  int
	ContentType string
	Problem     string // what was wrong, e.g. "the response was not JSON"
}

func (e *BodyError) Error() string {
	s := fmt.Sprintf("graph: HTTP %d: %s", e.HTTPStatus, e.Problem)
	if e.ContentType != "" && !strings.Contains(e.ContentType, "json") {
		s += fmt.Sprintf(" (it was %s, perhaps an error page from a proxy)", clean(e.ContentType))
	}
	return s
}

// NetError is a failure to reach Graph or to read its answer.
type NetError struct {
	msg     string // already redacted
	err     error
	timeout bool
}

func (e *NetError) Error() string { return e.msg }
func (e *NetError) Unwrap() error { return e.err }

// Timeout reports whether the exchange ran out of the client's timeout.
func (e *NetError) Timeout() bool { return e.timeout }

// IsTimeout reports whether err is an exchange that ran out of the
// client's timeout (WithTimeout).
func IsTimeout(err error) bool {
	var netErr *NetError
	return errors.As(err, &netErr) && netErr.timeout
}

// tokenError means no token could be had, so nothing was sent.
type tokenError struct{ err error }

func (e *tokenError) Error() string {
	if e.err == nil {
		return "graph: no access token"
	}
	return "graph: no access token: " + scrubTokens(e.err.Error())
}
func (e *tokenError) Unwrap() error { return e.err }

// OutcomeUnknownError says an action POST was sent but its result could not
// be known. It must not be resent without reading the solution first.
type OutcomeUnknownError struct {
	Action     Action
	SolutionID string
	Err        error // the cause; never a reason to retry by itself
}

func (e *OutcomeUnknownError) Error() string {
	action := "the action"
	if e.Action >= ActionAccept && e.Action <= ActionRejectDeactivation {
		action = e.Action.Command()
	}
	return fmt.Sprintf("graph: %s on solution %s: outcome unknown: read the solution again before retrying (%v)",
		action, clean(e.SolutionID), e.Err)
}
func (e *OutcomeUnknownError) Unwrap() error { return e.Err }
func (*OutcomeUnknownError) outcomeUnknown() {}

// outcomeUnknowable is every error that says a POST may or may not have
// taken effect: an action's (OutcomeUnknownError) or a create's
// (CreateUnknownError).
type outcomeUnknowable interface {
	error
	outcomeUnknown()
}

// IsUnknownOutcome reports whether err means a POST (an action or a
// create) may or may not have taken effect.
func IsUnknownOutcome(err error) bool {
	var u outcomeUnknowable
	return errors.As(err, &u)
}

// ClassOf classifies any error: *Error, network errors, or others. An
// unknown outcome is ClassUnknown whatever its cause, so that nothing
// retries it by class.
func ClassOf(err error) Class {
	var (
		graphErr *Error
		bodyErr  *BodyError
		netErr   *NetError
		tokErr   *tokenError
		idErr    *InvalidIDError
	)
	switch {
	case err == nil, IsUnknownOutcome(err):
		return ClassUnknown
	case errors.As(err, &graphErr):
		return graphErr.Class()
	case errors.As(err, &tokErr):
		return ClassAuth
	case errors.As(err, &idErr):
		return ClassInvalid
	case errors.As(err, &bodyErr):
		return bodyErr.class()
	case errors.As(err, &netErr):
		return ClassTransient
	}
	return ClassUnknown
}

func (e *BodyError) class() Class {
	switch {
	case e.HTTPStatus >= 500:
		return ClassTransient
	case e.HTTPStatus == 429:
		return ClassThrottled
	case e.HTTPStatus == 401:
		return ClassAuth
	}
	return ClassUnknown
}

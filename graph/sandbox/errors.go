package sandbox

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

// apiError is a Graph error object plus the HTTP status it travels over.
type apiError struct {
	status  int
	Message string `json:"message"`
	Type    string `json:"type"`
	Code    int    `json:"code"`
	Subcode int    `json:"error_subcode,omitempty"`
	Title   string `json:"error_user_title,omitempty"`
	UserMsg string `json:"error_user_msg,omitempty"`
	// IsTransient is a pointer so that false is still sent when it matters.
	IsTransient *bool  `json:"is_transient,omitempty"`
	FBTraceID   string `json:"fbtrace_id"`
}

func (e *apiError) Error() string { return e.Message }

const (
	typeOAuth  = "OAuthException"
	typeMethod = "GraphMethodException"
)

func flag(b bool) *bool { return &b }

func errInvalid(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeOAuth, Code: 100,
		Message: "(#100) " + fmt.Sprintf(format, args...), IsTransient: flag(false)}
}

// errNoObject is Graph's answer for an ID that does not exist or that the
// token may not see: the two are deliberately indistinguishable.
func errNoObject(method, id string) *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeMethod, Code: 100, Subcode: 33,
		Message: fmt.Sprintf("Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api", method, id)}
}

func errUnsupported(method string) *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeMethod, Code: 100,
		Message: fmt.Sprintf("Unsupported %s request. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api", method)}
}

func errNoField(field, node string) *apiError {
	return errInvalid("Tried accessing nonexisting field (%s) on node type (%s)", field, node)
}

func errBadTransition(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeMethod, Code: 100,
		Message: "(#100) " + fmt.Sprintf(format, args...), IsTransient: flag(false)}
}

func errPermission(format string, args ...any) *apiError {
	return &apiError{status: http.StatusForbidden, Type: typeOAuth, Code: 200,
		Message: "(#200) " + fmt.Sprintf(format, args...), IsTransient: flag(false)}
}

func errToken(msg string) *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeOAuth, Code: 190, Message: msg}
}

func errExpired() *apiError {
	e := errToken("Error validating access token: Session has expired. The current time is later than the token's expiry.")
	e.Subcode = 463
	e.Title, e.UserMsg = "Session expired", "Your session has expired. Please log in again."
	return e
}

func errTransient() *apiError {
	return &apiError{status: http.StatusInternalServerError, Type: typeOAuth, Code: 2,
		Message: "An unexpected error has occurred. Please retry your request later.", IsTransient: flag(true)}
}

func errAppThrottled() *apiError {
	return &apiError{status: http.StatusForbidden, Type: typeOAuth, Code: 4,
		Message: "(#4) Application request limit reached", IsTransient: flag(true)}
}

func errBUCThrottled() *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeOAuth, Code: 80008,
		Message:     "(#80008) There have been too many calls to this WhatsApp Business account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
		IsTransient: flag(true)}
}

// traceIDs hands out fbtrace_id values: unique per sandbox, and
// deterministic so that test output is stable.
type traceIDs struct{ n atomic.Int64 }

func (t *traceIDs) next() string { return fmt.Sprintf("Asbx%012dZ", t.n.Add(1)) }

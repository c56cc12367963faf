package graph

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Hint says what a person should do about the error, in one sentence.
func (e *Error) Hint() string {
	switch e.Class() {
	case ClassAuth:
		if e.Subcode == 463 || e.Subcode == 467 {
			return "The access token has expired: run `mps login` or set MPS_TOKEN to a fresh token."
		}
		return "Graph refused the access token: run `mps login` or set MPS_TOKEN to a valid token."
	case ClassThrottled:
		return throttleHint(e.RetryAfter)
	case ClassPermission:
		return fmt.Sprintf("The token lacks the %s permission for this call (granted to the app and to the "+
			"system user on this business): ask a business admin to grant it, then log in again.", e.missingPermission())
	case ClassInvalid:
		if e.Code == 100 && e.Subcode == 33 {
			return "The object does not exist or this token cannot see it: check the ID and that the profile's app is a side of it."
		}
		return "Graph refused the request as invalid: check the IDs and the API version in the profile."
	case ClassTransient:
		return "Graph had a temporary problem: try again in a moment."
	}
	return "Graph refused the request: see the message and fbtrace_id above."
}

func throttleHint(wait time.Duration) string {
	if wait > 0 {
		return fmt.Sprintf("Graph is limiting calls for this app: wait about %s, then refresh.", wait.Round(time.Second))
	}
	return "Graph is limiting calls for this app: wait a few minutes, then refresh."
}

// Hint says what a person should do about any error the client returns.
func Hint(err error) string {
	if err == nil {
		return ""
	}
	var (
		graphErr *Error
		idErr    *InvalidIDError
	)
	switch {
	case IsUnknownOutcome(err):
		return "The action may or may not have happened: read the solution again before retrying."
	case errors.As(err, &graphErr):
		return graphErr.Hint()
	case errors.As(err, &idErr):
		return "Give the numeric ID, as Graph or the dashboard shows it."
	case IsTimeout(err):
		return "Check the network, or raise --timeout (MPS_TIMEOUT)."
	}
	switch ClassOf(err) {
	case ClassAuth:
		return "No usable access token: run `mps login` or set MPS_TOKEN."
	case ClassThrottled:
		return throttleHint(0)
	case ClassTransient:
		return "Graph could not be reached or answered badly: check the network and try again."
	}
	return "Check the network, the profile's Graph URL and API version, then try again."
}

// missingPermission names the scope Graph's message mentions, or the one
// every Multi-Partner Solutions call needs.
func (e *Error) missingPermission() string {
	text := strings.ToLower(e.Message + " " + e.UserMessage)
	for _, scope := range []string{"whatsapp_business_messaging", "whatsapp_business_management", "business_management"} {
		if strings.Contains(text, scope) {
			return scope
		}
	}
	return "whatsapp_business_management"
}

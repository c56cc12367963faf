package sandbox

import "net/http"

// errAppTokenNeeded is Graph's answer when a user or system user token
// reads or changes an app's subscriptions.
func errAppTokenNeeded() *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeOAuth, Code: 15,
		Message: "(#15) This method must be called with an app access_token.", IsTransient: flag(false)}
}

// errUserTokenNeeded refuses the app access token where a user or system
// user acts.
func errUserTokenNeeded() *apiError {
	return errPermission("This call needs a user or system user access token; the app access token cannot make it")
}

// errNeedsScope names the permission the token lacks.
func errNeedsScope(scope string) *apiError {
	return errPermission("Requires %s permission to manage the object", scope)
}

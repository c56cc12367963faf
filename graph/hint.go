package graph

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Words are the ways out that one surface offers, so that the advice,
// written once, names them as that surface does: the command line says
// "try again", the dashboard "press r to try again".
type Words struct {
	Login  string // how to get a token that works, e.g. "run `mps login` or set MPS_TOKEN"
	Retry  string // how to try again, e.g. "try again"
	Resume string // what follows a throttled wait, e.g. "then refresh"
	// Else is the advice for an error that did not come out of the client
	// (its own text says what went wrong); "" gives none.
	Else string
}

// CommandWords are the command line's words.
func CommandWords() Words {
	return Words{Login: "run `mps login` or set MPS_TOKEN to a valid token", Retry: "try again", Resume: "then refresh"}
}

// Hint says what a person should do about any error the client returns,
// in the command line's words.
func Hint(err error) string { return Advice(err, CommandWords()) }

// Hint says what a person should do about the error, in the command
// line's words.
func (e *Error) Hint() string { return Hint(e) }

// Advice says in one sentence what a person should do about err, naming
// the ways out in w's words; "" for nil.
func Advice(err error, w Words) string {
	if err == nil {
		return ""
	}
	text := adviceText(situationOf(err))
	if text == "" {
		return w.Else
	}
	wait := "wait a few minutes"
	var graphErr *Error
	if errors.As(err, &graphErr) && graphErr.RetryAfter > 0 {
		wait = "wait about " + graphErr.RetryAfter.Round(time.Second).String()
	}
	scope := "whatsapp_business_management"
	if graphErr != nil {
		scope = graphErr.missingPermission()
	}
	return strings.NewReplacer("{login}", w.Login, "{retry}", w.Retry, "{resume}", w.Resume,
		"{wait}", wait, "{scope}", scope).Replace(text)
}

// FromClient reports whether err came out of the client (Graph's answer,
// the network, a bad ID), rather than from this machine (a file, say).
func FromClient(err error) bool { return err != nil && situationOf(err) != notFromClient }

// situation is what went wrong, as far as the advice is concerned.
type situation int

const (
	notFromClient situation = iota
	unknownOutcome
	createUnknown
	tokenExpired
	tokenRefused
	noToken
	throttled
	permissionMissing
	objectNotFound
	invalidRequest
	graphTemporary
	graphRefused
	badID
	timedOut
	networkFailed
	clientFailed
	stopped
)

// adviceText is the table of advice: one sentence for each situation, with
// {login}, {retry} and {resume} in the surface's words, and {wait} and
// {scope} from the error.
func adviceText(s situation) string {
	switch s {
	case unknownOutcome:
		return "The action may or may not have happened: read the solution again before retrying."
	case createUnknown:
		return "The solution may or may not have been created: list the solutions before creating it again, or it may be made twice."
	case tokenExpired:
		return "The access token was refused as expired: {login}."
	case tokenRefused:
		return "The access token was refused (expired or revoked): {login}."
	case noToken:
		return "No usable access token: {login}."
	case throttled:
		return "Graph is limiting calls for this app: {wait}, {resume}."
	case permissionMissing:
		return "The token lacks the {scope} permission for this call (granted to the app and to the " +
			"system user on this business): ask a business admin to grant it, then log in again."
	case objectNotFound:
		return "The object does not exist or this token cannot see it: check the ID and that the profile's app is a side of it."
	case invalidRequest:
		return "Graph refused the request as invalid: check the IDs and the API version in the profile."
	case graphTemporary:
		return "Graph had a temporary problem: {retry} in a moment."
	case graphRefused:
		return "Graph refused the request: see its message and fbtrace_id."
	case badID:
		return "Give the numeric ID, as Graph or the dashboard shows it."
	case timedOut:
		return "Check the network, or raise --timeout (MPS_TIMEOUT)."
	case networkFailed:
		return "Graph answered badly or not at all: check the network and {retry}."
	case clientFailed:
		return "Check the network, the profile's Graph URL and API version, then {retry}."
	case stopped:
		return "Stopped before it finished."
	}
	return ""
}

func situationOf(err error) situation {
	var (
		graphErr *Error
		idErr    *InvalidIDError
	)
	switch {
	case errors.As(err, new(*CreateUnknownError)):
		return createUnknown
	case IsUnknownOutcome(err):
		return unknownOutcome
	case errors.As(err, &graphErr):
		return graphErr.situation()
	case errors.As(err, &idErr):
		return badID
	case IsTimeout(err):
		return timedOut
	}
	switch ClassOf(err) {
	case ClassAuth:
		return noToken
	case ClassThrottled:
		return throttled
	case ClassTransient:
		return networkFailed
	}
	if _, isBodyErr := errors.AsType[*BodyError](err); isBodyErr {
		return clientFailed
	}
	if errors.Is(err, context.Canceled) {
		return stopped
	}
	return notFromClient
}

func (e *Error) situation() situation {
	switch e.Class() {
	case ClassAuth:
		if e.Subcode == 463 || e.Subcode == 467 {
			return tokenExpired
		}
		return tokenRefused
	case ClassThrottled:
		return throttled
	case ClassPermission:
		return permissionMissing
	case ClassInvalid:
		if e.Code == 100 && e.Subcode == 33 {
			return objectNotFound
		}
		return invalidRequest
	case ClassTransient:
		return graphTemporary
	}
	return graphRefused
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

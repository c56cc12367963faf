package ui

import (
	"errors"
	"fmt"
	"strings"

	"mps/graph"
	"mps/ui/text"
)

// describeError turns an error into one line that says what went wrong and
// what to do. Server text is sanitised; Graph's codes and fbtrace_id are kept.
func describeError(c *Context, what string, err error) string {
	if err == nil {
		return ""
	}
	var missing missingIDError
	if errors.As(err, &missing) {
		return what + " failed: " + missing.Error() + "."
	}
	var advice string
	switch graph.ClassOf(err) {
	case graph.ClassAuth:
		advice = "the token was refused (expired or revoked): " + c.LoginHint
	case graph.ClassThrottled:
		advice = "Graph is throttling this app: mps loads again by itself once Graph allows it (the status bar counts down)"
	case graph.ClassPermission:
		advice = "the token lacks a permission for this: check the app's whatsapp_business_management access"
	case graph.ClassInvalid:
		advice = "Graph refused the request: check the IDs in this profile"
	case graph.ClassTransient:
		advice = "Graph or the network failed: press r to try again"
	default:
		advice = "press r to try again"
	}
	return fmt.Sprintf("%s failed: %s. Graph said: %s", what, advice, text.Sanitize(errorDetail(err)))
}

// errorDetail is the error's message with Graph's identifiers.
func errorDetail(err error) string {
	var ge *graph.Error
	if !errors.As(err, &ge) {
		return err.Error()
	}
	var b strings.Builder
	b.WriteString(ge.Message)
	if ge.UserMessage != "" && ge.UserMessage != ge.Message {
		b.WriteString(" — " + ge.UserMessage)
	}
	fmt.Fprintf(&b, " (code %d", ge.Code)
	if ge.Subcode != 0 {
		fmt.Fprintf(&b, ", subcode %d", ge.Subcode)
	}
	if ge.FBTraceID != "" {
		fmt.Fprintf(&b, ", fbtrace_id %s", ge.FBTraceID)
	}
	b.WriteString(")")
	return b.String()
}

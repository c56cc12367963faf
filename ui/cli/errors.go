package cli

import (
	"errors"
	"fmt"
	"strings"

	"mps/graph"
	"mps/ui/text"
)

// Exit codes, the contract scripts rely on.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2 // usage error, or an action refused or cancelled
	ExitAuth  = 4 // no usable token, or the token was rejected
)

// exitError is an error that carries its own exit code and, optionally,
// what the person should do next.
type exitError struct {
	code int
	msg  string
	hint string
	err  error // the cause, when there is one
}

func (e *exitError) Error() string { return e.msg }

// Hint is what to do next, for a view that shows the error (the doctor's
// checks) as graph.Error's Hint is.
func (e *exitError) Hint() string  { return e.hint }
func (e *exitError) Unwrap() error { return e.err }

// usageErrorf reports a mistake in how mps was called (exit 2).
func usageErrorf(hint, format string, args ...any) error {
	return &exitError{code: ExitUsage, msg: fmt.Sprintf(format, args...), hint: hint}
}

// refusedf reports an action mps refused or the person cancelled; nothing
// was sent (exit 2).
func refusedf(format string, args ...any) error {
	return &exitError{code: ExitUsage, msg: fmt.Sprintf(format, args...)}
}

// localError reports a failure on this machine (a file, a directory),
// with what to do about it (exit 1); no advice about Graph is added.
func localError(hint string, cause error) error {
	return &exitError{code: ExitError, msg: cause.Error(), hint: hint, err: cause}
}

// authNeeded reports that there is no usable token (exit 4). The cause's
// text already says what to do.
func authNeeded(cause error) error {
	return &exitError{code: ExitAuth, msg: cause.Error(), err: cause}
}

// exitCode maps an error from a command to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if e, ok := errors.AsType[*exitError](err); ok {
		return e.code
	}
	if graph.ClassOf(err) == graph.ClassAuth {
		return ExitAuth
	}
	return ExitError
}

// errorLine renders err as the one line mps prints on stderr: what went
// wrong (with Graph's code, subcode and fbtrace_id when Graph said it), and
// what to do about it.
func errorLine(err error, words graph.Words) string {
	msg, hint := err.Error(), graph.Advice(err, words)
	if e, ok := errors.AsType[*exitError](err); ok {
		// mps's own message says it all, even when the graph client
		// wrapped it (a token lookup that failed inside a call).
		msg, hint = e.msg, e.hint
	}
	if hint == "" && deniedByStore(err) {
		hint = storePrivilegeHint
	}
	line := "mps: " + oneLine(msg)
	if hint = oneLine(hint); hint != "" {
		line = sentence(line) + " " + hint
	}
	return line
}

// oneLine keeps text on one line and free of control sequences.
func oneLine(s string) string {
	return strings.Join(strings.Fields(text.Sanitize(s)), " ")
}

package graph

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
	"testing"
)

// adviceErrors are one error for each situation the advice table knows.
func adviceErrors() []error {
	return []error{
		&OutcomeUnknownError{Err: io.ErrUnexpectedEOF},
		&CreateUnknownError{Err: io.ErrUnexpectedEOF},
		&Error{Code: 190, Subcode: 463}, &Error{Code: 190},
		&tokenError{},
		&Error{Code: 4, RetryAfter: 180_000_000_000}, &Error{Code: 80008},
		&Error{Code: 10, Message: "(#10) Requires whatsapp_business_messaging permission"},
		&Error{Code: 100, Subcode: 33}, &Error{Code: 100},
		&Error{Code: 2}, &Error{Code: 1234567},
		checkID("app", "x"),
		&NetError{msg: "x", err: context.DeadlineExceeded, timeout: true},
		&NetError{msg: "x", err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}},
		&BodyError{HTTPStatus: 404, Problem: "the response was not JSON"},
		context.Canceled,
	}
}

// The advice is one table: the dashboard's and the command line's
// sentences differ only in the words each surface names its ways out with.
func TestAdviceIsOneTableInEachSurfacesWords(t *testing.T) {
	cli := CommandWords()
	other := Words{Login: "<login>", Retry: "<retry>", Resume: "<resume>", Else: "<else>"}
	seen := map[string]bool{}
	for _, err := range adviceErrors() {
		got, want := Advice(err, other), Hint(err)
		if got == "" || strings.ContainsAny(got, "{}") || strings.ContainsAny(want, "{}") {
			t.Errorf("%v: advice %q / %q", err, got, want)
		}
		back := strings.NewReplacer("<login>", cli.Login, "<retry>", cli.Retry, "<resume>", cli.Resume).Replace(got)
		if back != want {
			t.Errorf("%v: the surfaces' advice differs beyond their words:\n  %q\n  %q", err, got, want)
		}
		seen[want] = true
	}
	if len(seen) != len(adviceErrors()) {
		t.Errorf("%d situations gave %d distinct sentences", len(adviceErrors()), len(seen))
	}
	if got := Advice(errors.New("disk full"), other); got != "<else>" {
		t.Errorf("an error from outside the client: %q, want the surface's own", got)
	}
	if Hint(errors.New("disk full")) != "" || Advice(nil, other) != "" {
		t.Error("advice for an error from outside the client, or for none, on the command line")
	}
}

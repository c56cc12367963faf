package ui

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"mps/graph"
)

// The dashboard gives graph's advice in its own words ("press r"): the
// missing permission Graph named, an object that does not exist, and an
// action whose outcome is unknown get the advice the commands give, not
// a generic line of their own.
func TestDescribeErrorGivesGraphsAdviceInTheDashboardsWords(t *testing.T) {
	c := newShared(context.Background(), Config{LoginHint: "set MPS_TOKEN to a new token"})
	cases := []struct {
		err  error
		want []string
	}{
		{&graph.Error{Code: 10, Message: "(#10) Requires whatsapp_business_messaging permission"}, []string{"lacks the whatsapp_business_messaging permission", "code 10"}},
		{&graph.Error{Code: 100, Subcode: 33, Message: "Unsupported get request", FBTraceID: "Ab1"}, []string{"does not exist", "fbtrace_id Ab1"}},
		{&graph.OutcomeUnknownError{Err: io.ErrUnexpectedEOF}, []string{"read the solution again before retrying"}},
		{&graph.Error{Code: 190, Subcode: 463, Message: "Session has expired"}, []string{"token was refused as expired: set MPS_TOKEN to a new token."}},
		{&graph.Error{Code: 4, RetryAfter: 180_000_000_000}, []string{"limiting calls for this app: wait about 3m0s, then mps loads again by itself"}},
		{&graph.Error{Code: 2}, []string{"temporary problem: press r to try again"}},
		{&graph.OutcomeUnknownError{Err: io.ErrUnexpectedEOF}, []string{"(", "unexpected EOF"}},
	}
	for _, tc := range cases {
		got := describeError(c, "Loading solutions", tc.err)
		if !strings.HasPrefix(got, "Loading solutions failed. ") {
			t.Errorf("%v: %q does not say what failed first", tc.err, got)
		}
		for _, want := range tc.want {
			if !strings.Contains(got, want) {
				t.Errorf("%v: %q lacks %q", tc.err, got, want)
			}
		}
		if strings.Contains(got, "then refresh") || strings.Contains(got, "{") {
			t.Errorf("%v: %q", tc.err, got)
		}
		var fromGraph *graph.Error
		if said := strings.Contains(got, "Graph said"); said != errors.As(tc.err, &fromGraph) {
			t.Errorf("%v: %q says \"Graph said\" %t, want only for Graph's own answers", tc.err, got, said)
		}
	}
}

// A failure on this machine, such as an event log that cannot be read,
// says so in its own words: no advice about Graph, no "Graph said".
func TestDescribeErrorKeepsLocalErrorsLocal(t *testing.T) {
	c := newShared(context.Background(), Config{})
	got := describeError(c, "Reading the event log", errors.New("event log /x/events.db cannot be read: file is not a database (26)"))
	want := "Reading the event log failed: event log /x/events.db cannot be read: file is not a database (26). Press r to try again."
	if got != want {
		t.Errorf("describeError = %q\nwant %q", got, want)
	}
}

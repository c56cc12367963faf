package ui

import (
	"strings"
	"testing"

	"mps/store/journal"
)

func TestTeammateNoticeSaysWhoDidWhat(t *testing.T) {
	for _, c := range []struct {
		name string
		e    journal.Entry
		want string
	}{
		{"accepted", journal.Entry{User: "ana@example.com", Action: "accept", ObjectID: "1", ObjectName: "Northwind × Lucky Shrub", Outcome: journal.Done, StateAfter: "Active"},
			`ana@example.com accepted "Northwind × Lucky Shrub": now Active`},
		{"state not read after", journal.Entry{User: "bo", Action: "reject", ObjectID: "1", ObjectName: "N", Outcome: journal.Done},
			`bo rejected "N"`},
		{"deactivation asked", journal.Entry{User: "bo", Action: "deactivate", ObjectID: "1", ObjectName: "N", Outcome: journal.Done, StateAfter: "Pending deactivation"},
			`bo asked to deactivate "N": now Pending deactivation`},
		{"refused", journal.Entry{User: "bo", Action: "accept", ObjectID: "1", ObjectName: "N", Outcome: journal.Refused, Refusal: journal.Refusal{Code: 100, Subcode: 33, Message: "no such object"}},
			`bo tried to accept "N": Graph refused it (refused 100/33): no such object`},
		{"unknown", journal.Entry{User: "bo", Action: "create", ObjectName: "N", Outcome: journal.Unknown},
			`bo tried to create "N": the outcome is unknown`},
		{"a WABA, by ID", journal.Entry{User: "bo", Action: "waba-subscribe", ObjectID: "777", Outcome: journal.Done, StateAfter: "subscribed"},
			`bo subscribed our app to WABA 777: now subscribed`},
		{"user unknown", journal.Entry{User: "unknown", Action: "accept", ObjectName: "N", Outcome: journal.Done, StateAfter: "Active"},
			`A teammate accepted "N": now Active`},
		{"an action this mps does not know", journal.Entry{User: "bo", Action: "frob%d", ObjectID: "9", Outcome: journal.Done},
			`bo frob%d on 9`},
		{"nothing sent", journal.Entry{User: "bo", Action: "accept", ObjectName: "N", Outcome: journal.NotSent}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := teammateNotice(c.e); got != c.want {
				t.Errorf("notice = %q, want %q", got, c.want)
			}
		})
	}
}

// The entry comes from a store others write: what it says reaches the
// screen without its escapes and control characters.
func TestTeammateNoticeIsSanitised(t *testing.T) {
	e := journal.Entry{User: "ana\x1b]0;owned\x07@example.com", Action: "accept", ObjectID: "1",
		ObjectName: "North\x1b[2Jwind\nLucky", Outcome: journal.Done, StateAfter: "Active\x1b[31m"}
	got := teammateNotice(e)
	if strings.ContainsAny(got, "\x1b\x07\n") {
		t.Fatalf("notice keeps control characters: %q", got)
	}
	for _, want := range []string{"ana", "@example.com", "North", "wind", "Active"} {
		if !strings.Contains(got, want) {
			t.Errorf("notice %q lacks %q", got, want)
		}
	}
}

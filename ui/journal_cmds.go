package ui

import (
	"context"
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"mps/store/journal"
	"mps/ui/text"
)

// journalMsg answers a read of the journal: the History tab's, or the
// inspector's for one solution (ObjectID).
type journalMsg struct {
	Origin
	ObjectID string
	Entries  []journal.Entry // newest first
	Err      error
}

func (m journalMsg) storeErr() error { return m.Err }

func readJournal(ctx context.Context, c *Shared, o Origin, q journal.Query) tea.Cmd {
	return func() tea.Msg {
		list, err := c.Journal.List(ctx, q)
		return journalMsg{Origin: o, ObjectID: q.ObjectID, Entries: list, Err: err}
	}
}

// The words History and the inspector use for a journal entry.

// entryWhen is when the entry started, in the local time zone.
func entryWhen(e journal.Entry) string { return e.Started.Local().Format("01-02 15:04") }

// entryStates is "before → after", a dash for a side not known.
func entryStates(e journal.Entry) string {
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return text.Sanitize(s)
	}
	return dash(e.StateBefore) + " → " + dash(e.StateAfter)
}

// entryOutcome is how the entry ended: done, refused with Graph's code,
// unknown, not sent, or still in flight.
func entryOutcome(e journal.Entry) string {
	switch e.Outcome {
	case journal.Done:
		return "done"
	case journal.Refused:
		if e.Refusal.Code == 0 {
			return "refused"
		}
		code := strconv.Itoa(e.Refusal.Code)
		if e.Refusal.Subcode != 0 {
			code += "/" + strconv.Itoa(e.Refusal.Subcode)
		}
		return "refused " + code
	case journal.Unknown:
		return "unknown"
	case journal.NotSent:
		return "not sent"
	case journal.InFlight:
		return "in flight"
	}
	return text.Sanitize(string(e.Outcome))
}

// entrySolution is "name (ID)", or what a create without an ID made.
func entrySolution(e journal.Entry) string {
	id := text.Sanitize(e.ObjectID)
	if id == "" {
		id = "no ID"
	}
	return fmt.Sprintf("%s (%s)", text.Sanitize(e.ObjectName), id)
}

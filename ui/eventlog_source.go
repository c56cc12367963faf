package ui

import (
	"context"
	"time"

	"mps/store/eventlog"
)

// EventLog is where the dashboard reads webhook events: the log that `mps
// webhook serve` writes, which another process (on another machine, for
// the shared store) may be writing and which may not exist yet. The
// dashboard opens it in a tea.Cmd, and closes what it opened when it ends.
type EventLog struct {
	// Where names the log in messages: its path, or the shared store's
	// address without its secrets.
	Where string
	// Open opens the log to read it; eventlog.ErrNoLog when it does not
	// exist yet. It does IO: called only inside a tea.Cmd. Nil means no
	// event log, and no Events tab.
	Open func(context.Context) (*eventlog.Log, error)
	// PollEvery is how often the Events tab reads the tail of a log that
	// cannot tell it of new rows (SQLite); 0 means every second. A log
	// that follows (PostgreSQL's LISTEN/NOTIFY) is read when told.
	PollEvery time.Duration
}

// EventLogAt is the SQLite event log at path, opened read-only.
func EventLogAt(path string) EventLog {
	return EventLog{Where: path, Open: func(ctx context.Context) (*eventlog.Log, error) {
		return eventlog.OpenExisting(ctx, path)
	}}
}

// configured says whether the session has an event log.
func (l EventLog) configured() bool { return l.Open != nil }

package ui

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/store/eventlog"
	"mps/ui/webhooks"
)

// eventsPage is how many events one poll reads; a full page is followed by
// the next at once, so a long log loads in pieces without a wait.
const eventsPage = 1000

// eventsPollMsg is one read of the event log's tail.
type eventsPollMsg struct {
	Origin
	Log    *eventlog.Log // set when this poll opened the log
	Events []eventlog.Event
	Gauge  *webhooks.Gauge
	Absent bool // the log file does not exist yet
	Err    error
}

// eventsTickMsg asks the Events tab to poll again.
type eventsTickMsg struct{ Origin }

// reconcileMsg is a finished reconciliation.
type reconcileMsg struct {
	Origin
	Result webhooks.Reconciliation
	Err    error
}

// pollEvents reads the events after afterID (opening the log at path first
// when log is nil) and the onboarding gauge.
func pollEvents(ctx context.Context, c *Context, o Origin, log *eventlog.Log, path string, q eventlog.Query) tea.Cmd {
	return func() tea.Msg {
		msg := eventsPollMsg{Origin: o}
		if log == nil {
			if path == "" {
				msg.Err = errors.New("no event log is configured")
				return msg
			}
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				msg.Absent = true
				return msg
			}
			opened, err := eventlog.Open(ctx, path)
			if err != nil {
				msg.Err = err
				return msg
			}
			log, msg.Log = opened, opened
		}
		q.Limit = eventsPage
		msg.Events, msg.Err = log.List(ctx, q)
		if msg.Err == nil {
			g, err := webhooks.ReadGauge(ctx, log, c.Now())
			msg.Gauge, msg.Err = &g, err
		}
		return msg
	}
}

// tickEvents schedules the next poll.
func tickEvents(o Origin, every time.Duration) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg { return eventsTickMsg{Origin: o} })
}

// reconcileWABAs compares what webhooks reported with what the API lists.
func reconcileWABAs(ctx context.Context, c *Context, o Origin, log *eventlog.Log) tea.Cmd {
	return func() tea.Msg {
		seen, err := log.WABAsSeen(ctx)
		if err != nil {
			return reconcileMsg{Origin: o, Err: err}
		}
		listed, err := c.Client.ClientWABAs(ctx, c.BusinessID, nil)
		if err != nil {
			return reconcileMsg{Origin: o, Err: err}
		}
		return reconcileMsg{Origin: o, Result: webhooks.Reconcile(seen, listed)}
	}
}

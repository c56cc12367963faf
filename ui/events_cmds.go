package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/store/eventlog"
	"mps/ui/readmodel"
)

// eventsPage is how many events one poll reads; a full page is followed by
// the next at once, so a long log loads in pieces without a wait.
const eventsPage = 1000

// eventsPollMsg is one read of the event log's tail.
type eventsPollMsg struct {
	Origin
	Log    *eventlog.Log // set when this poll opened the log
	Events []eventlog.Event
	Gauge  *readmodel.Gauge
	Absent bool // the log file does not exist yet
	Err    error
}

func (m eventsPollMsg) storeErr() error { return m.Err }

// eventsTickMsg asks the Events tab to poll again.
type eventsTickMsg struct{ Origin }

// reconcileMsg is a finished reconciliation.
type reconcileMsg struct {
	Origin
	Result readmodel.Reconciliation
	Err    error
}

// eventSource is where a poll reads: an open log, or the way to open one
// that may not exist yet; since, if set, learns from what is read.
type eventSource struct {
	log   *eventlog.Log
	open  func(context.Context) (*eventlog.Log, error)
	since *readmodel.StatusSince
}

// pollEvents reads the events matching q (opening the log first when it is
// not open yet) and the onboarding gauge.
func pollEvents(ctx context.Context, c *Shared, o Origin, src eventSource, q eventlog.Query) tea.Cmd {
	return func() tea.Msg {
		msg := eventsPollMsg{Origin: o}
		log := src.log
		if log == nil {
			if src.open == nil {
				msg.Err = errors.New("no event log is configured")
				return msg
			}
			opened, err := src.open(ctx)
			if err != nil {
				msg.Absent = errors.Is(err, eventlog.ErrNoLog)
				if !msg.Absent {
					msg.Err = err
				}
				return msg
			}
			log, msg.Log = opened, opened
		}
		q.Limit = eventsPage
		if msg.Events, msg.Err = log.List(ctx, q); msg.Err != nil {
			return msg
		}
		if src.since != nil {
			src.since.Note(msg.Events)
		}
		g, err := readmodel.ReadGauge(ctx, log, c.Now())
		msg.Gauge, msg.Err = &g, err
		return msg
	}
}

// tickEvents schedules the next poll.
func tickEvents(o Origin, every time.Duration) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg { return eventsTickMsg{Origin: o} })
}

// reconcileWABAs compares what webhooks reported with what the API lists.
func reconcileWABAs(ctx context.Context, c *Shared, o Origin, log *eventlog.Log) tea.Cmd {
	return func() tea.Msg {
		seen, err := log.WABAsSeen(ctx)
		if err != nil {
			return reconcileMsg{Origin: o, Err: err}
		}
		listed, err := c.Client.ClientWABAs(ctx, c.BusinessID, nil)
		if err != nil {
			return reconcileMsg{Origin: o, Err: err}
		}
		return reconcileMsg{Origin: o, Result: readmodel.Reconcile(seen, listed)}
	}
}

// readNewsSolution reads again a solution that news named (a webhook, a
// teammate's action: cause, "after its webhook"); after is the notice
// that says so.
func readNewsSolution(ctx context.Context, c *Shared, id, cause, after string) tea.Cmd {
	return func() tea.Msg {
		s, err := c.Client.Solution(ctx, id)
		return solutionNewsMsg{id: id, solution: s, err: err, cause: cause, after: after}
	}
}

// readNewsWABA reads a WABA a PARTNER_ADDED webhook named, for the
// customers load seq; after is the notice that says so.
func readNewsWABA(ctx context.Context, c *Shared, seq uint64, id, after string) tea.Cmd {
	return func() tea.Msg {
		w, err := c.Client.ClientWABA(ctx, id)
		return wabaNewsMsg{seq: seq, id: id, waba: w, err: err, after: after}
	}
}

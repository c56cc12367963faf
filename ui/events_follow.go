package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"mps/store/eventlog"
)

// eventsFollow is the Events tab's subscription to the log's news of new
// rows: on PostgreSQL, a channel fed by LISTEN/NOTIFY; on SQLite none, and
// the tab polls.
type eventsFollow struct {
	ch    <-chan struct{} // nil until the log follows
	asked bool            // Follow was called (or is being called) on the open log
	// missed says the log told of new rows while a read was in flight,
	// which may have begun before they were committed: read once more.
	missed bool
	fails  int // subscriptions in a row that failed
}

// eventsFollowAgainMsg asks the log's subscription again after it failed.
type eventsFollowAgainMsg struct{ Origin }

// eventsFollowMsg answers Follow on the open log: a nil channel from a log
// that cannot follow (SQLite).
type eventsFollowMsg struct {
	Origin
	ch  <-chan struct{}
	Err error
}

func (m eventsFollowMsg) storeErr() error { return m.Err }

// eventsNotifiedMsg says the log has new rows, or (closed) that it no
// longer follows.
type eventsNotifiedMsg struct {
	Origin
	closed bool
}

// followEvents subscribes to the log's news of new rows.
func followEvents(ctx context.Context, log *eventlog.Log) tea.Cmd {
	return func() tea.Msg {
		ch, err := log.Follow(ctx)
		return eventsFollowMsg{Origin: Origin{Tab: TabEvents}, ch: ch, Err: err}
	}
}

// waitEvents waits for the log's next news.
func waitEvents(ch <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		_, ok := <-ch
		return eventsNotifiedMsg{Origin: Origin{Tab: TabEvents}, closed: !ok}
	}
}

// startFollow subscribes once the log is open, unless it already did.
func (t *eventsTab) startFollow() tea.Cmd {
	if t.log == nil || t.follow.asked {
		return nil
	}
	t.follow.asked = true
	return followEvents(t.ctx.Ctx, t.log)
}

// followed takes Follow's answer. A failed subscription is asked again
// after a while, longer each time; until then the tab polls.
func (t *eventsTab) followed(msg eventsFollowMsg) tea.Cmd {
	if msg.Err != nil {
		t.follow.asked = false
		t.follow.fails++
		return tickAfter(retryWait(eventsPollEvery, t.follow.fails), eventsFollowAgainMsg{Origin{Tab: TabEvents}})
	}
	t.follow.fails = 0
	if msg.ch == nil {
		return nil // SQLite: the polls go on
	}
	t.follow.ch = msg.ch
	// Rows committed between the last read and the LISTEN told no one.
	return tea.Batch(waitEvents(msg.ch), t.readNow())
}

// notified reads the tail the log says has grown; a log that stopped
// following leaves the tab polling.
func (t *eventsTab) notified(msg eventsNotifiedMsg) tea.Cmd {
	if msg.closed {
		t.follow = eventsFollow{asked: true}
		return tickEvents(Origin{Tab: TabEvents, Seq: t.seq}, t.every)
	}
	return tea.Batch(waitEvents(t.follow.ch), t.readNow())
}

// readNow reads the tail now, or once more after the read in flight.
func (t *eventsTab) readNow() tea.Cmd {
	if t.polling {
		t.follow.missed = true
		return nil
	}
	return t.poll()
}

// next is what follows a read that worked: on a log that follows, nothing
// until it tells of new rows (or a read it told of came too early); else
// the next poll, after a while.
func (t *eventsTab) next(o Origin) tea.Cmd {
	if t.follow.ch == nil {
		return tickEvents(o, t.every)
	}
	if t.follow.missed {
		return t.poll()
	}
	return nil
}

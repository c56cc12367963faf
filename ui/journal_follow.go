package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/store/journal"
	"mps/ui/text"
)

// journalFeed is the app's subscription to the journal's changes, on a
// journal that can tell of them (PostgreSQL's LISTEN/NOTIFY): what a
// teammate's mps begins and finishes shows here within a second.
type journalFeed struct {
	ch    <-chan journal.Change
	asked bool
	fails int // subscriptions in a row that failed
}

// journalFollowRetry is the first wait before a failed subscription is
// asked again (then twice as long each time).
const journalFollowRetry = time.Second

// followJournal subscribes to the journal's changes once, when the
// journal can follow.
func (a *App) followJournal() tea.Cmd {
	f, ok := a.ctx.Journal.(journal.Follower)
	if !ok || a.feed.asked {
		return nil
	}
	a.feed.asked = true
	ctx := a.ctx.Ctx
	return func() tea.Msg {
		ch, err := f.Follow(ctx)
		return journalFollowMsg{ch: ch, err: err}
	}
}

// journalFollowMsg answers Follow on the journal.
type journalFollowMsg struct {
	ch  <-chan journal.Change
	err error
}

func (m journalFollowMsg) storeErr() error { return m.err }

func (m journalFollowMsg) apply(a *App) tea.Cmd {
	if m.err != nil {
		a.feed.asked = false
		a.feed.fails++
		return tickAfter(retryWait(journalFollowRetry, a.feed.fails), journalFollowAgainMsg{})
	}
	failed := a.feed.fails > 0
	a.feed.fails, a.feed.ch = 0, m.ch
	if m.ch == nil {
		return nil // a journal that cannot follow (SQLite): History reads after each action, and on r
	}
	if failed {
		// What changed while it could not follow told no one.
		return tea.Batch(waitJournal(m.ch), a.journalChanged(""))
	}
	return waitJournal(m.ch)
}

// journalFollowAgainMsg asks the journal's subscription again.
type journalFollowAgainMsg struct{}

func (journalFollowAgainMsg) apply(a *App) tea.Cmd { return a.followJournal() }

// waitJournal waits for the journal's next change.
func waitJournal(ch <-chan journal.Change) tea.Cmd {
	return func() tea.Msg {
		c, ok := <-ch
		return journalChangeMsg{change: c, closed: !ok}
	}
}

// journalChangeMsg is an entry begun or finished by any mps on the shared
// journal, or (ID 0) word that the subscription was made again after it
// was lost; closed says it ended (the app is ending).
type journalChangeMsg struct {
	change journal.Change
	closed bool
}

// apply shows another mps's change: History reads the journal again, and
// an entry it finished is read, to say who did what and read its solution
// again. Our own changes are the dashboard's actions, which say so
// themselves when they end.
func (m journalChangeMsg) apply(a *App) tea.Cmd {
	if m.closed {
		a.feed.ch = nil
		return nil
	}
	next := waitJournal(a.feed.ch)
	switch {
	case m.change.Lost != nil:
		// The subscription's connection is gone: the store is out of
		// reach, which shows now, though nothing else is reading it.
		return tea.Batch(next, a.storeSaw(m.change.Lost))
	case m.change.ID == 0 && a.store.down:
		// Back: storeSaw says so, and reads again what the outage hid.
		return tea.Batch(next, a.storeSaw(nil))
	case m.change.ID == 0:
		// The subscription was lost and made again: what changed meanwhile
		// told no one.
		return tea.Batch(next, a.journalChanged(""))
	case m.change.Origin == a.ctx.Journal.Origin():
		return next
	}
	cmds := []tea.Cmd{next}
	if h := a.history(); h != nil {
		cmds = append(cmds, h.follow())
	}
	if m.change.Outcome != journal.InFlight {
		cmds = append(cmds, readTeammateEntry(a.ctx.Ctx, a.ctx.Journal, m.change.ID))
	}
	return tea.Batch(cmds...)
}

// readTeammateEntry reads the entry another mps finished.
func readTeammateEntry(ctx context.Context, j journal.Journal, id int64) tea.Cmd {
	return func() tea.Msg {
		e, err := j.Get(ctx, id)
		return teammateMsg{entry: e, err: err}
	}
}

// teammateMsg is an entry another mps finished, as the journal holds it.
type teammateMsg struct {
	entry journal.Entry
	err   error
}

func (m teammateMsg) storeErr() error { return m.err }

func (m teammateMsg) apply(a *App) tea.Cmd {
	if m.err != nil {
		a.setNews(describeError(a.ctx, "Reading a teammate's action from the journal", m.err))
		return nil
	}
	e := m.entry
	notice := teammateNotice(e)
	if notice == "" {
		return nil
	}
	a.setNews(notice)
	var cmds []tea.Cmd
	if changesSolution(e) {
		cmds = append(cmds, readNewsSolution(a.ctx.Ctx, a.ctx, e.ObjectID, "after a teammate's "+text.Sanitize(e.Action), notice))
	}
	if in := a.inspector; in != nil && in.sol.ID == e.ObjectID {
		cmds = append(cmds, in.readActions(in.seq))
	}
	return tea.Batch(cmds...)
}

// history is the History tab, nil without a journal.
func (a *App) history() *historyTab {
	for _, t := range a.tabs {
		if h, ok := t.(*historyTab); ok {
			return h
		}
	}
	return nil
}

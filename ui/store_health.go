package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"mps/store/postgres"
	"mps/ui/text"
)

// storeResult is the answer of a read of the stores (the event log, the
// journal), which says whether the shared store answered.
type storeResult interface{ storeErr() error }

// storeHealth is whether the shared store answers, as the latest read of
// it found: when it does not, the dashboard says so (which host, that it
// tries again), and goes on with everything it reads from Graph.
type storeHealth struct {
	down bool
	host string
}

// unreachableHost says whether err is the shared store not answering, and
// the host it is on.
func unreachableHost(err error) (string, bool) {
	var u *postgres.UnreachableError
	if errors.As(err, &u) {
		return u.Host, true
	}
	return "", false
}

// storeSaw learns from a read of the stores whether the shared store
// answers. A read that was cancelled says nothing either way.
func (a *App) storeSaw(err error) tea.Cmd {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	host, down := unreachableHost(err)
	switch {
	case down && !a.store.down:
		a.store = storeHealth{down: true, host: host}
		a.setNotice(storeDownText(host), true)
	case err == nil && a.store.down:
		host := a.store.host
		a.store = storeHealth{}
		a.setNews("The shared store at " + text.Sanitize(host) + " answers again: the event log and the journal are live.")
		// What changed while it was away told no one: read it now.
		return tea.Batch(a.journalChanged(""), a.refreshEvents())
	}
	return nil
}

// storeDownText says that the shared store does not answer, and what
// still works.
func storeDownText(host string) string {
	return "The shared store at " + text.Sanitize(host) + " is unreachable: mps tries again by itself, and everything read from Graph still works."
}

// notSentText says why an action was not sent, from its error: while the
// shared store is out of reach, in a few words (the journal cannot
// record it), not the connection's whole story.
func notSentText(err error) string {
	if host, down := unreachableHost(err); down {
		return "nothing was sent: the journal cannot record it while the shared store at " + text.Sanitize(host) +
			" is unreachable (mps tries again by itself)"
	}
	return text.Sanitize(err.Error())
}

// note is the status bar's word on the shared store while it does
// not answer; "" while it does.
func (s storeHealth) note() string {
	if !s.down {
		return ""
	}
	return "⚠ store " + text.Sanitize(s.host) + " unreachable, retrying"
}

// refreshEvents reads the Events tab's log again, when there is one.
func (a *App) refreshEvents() tea.Cmd {
	for _, t := range a.tabs {
		if e, ok := t.(*eventsTab); ok {
			return e.readNow()
		}
	}
	return nil
}

package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// throttleFallback is the wait when Graph throttles without saying how
// long and the client has no deadline either (an action POST's answer).
const throttleFallback = graph.ThrottleFallback

// throttleWait says how long to wait before loading again after err, when
// err is a throttle: until the time the client was told to wait for.
func throttleWait(c *Shared, err error) (time.Duration, bool) {
	if graph.ClassOf(err) != graph.ClassThrottled {
		return 0, false
	}
	var until time.Time
	if c.Client != nil {
		until = c.Client.Usage().ThrottledUntil
	}
	if wait := until.Sub(c.Now()); wait > 0 {
		return wait, true
	}
	return throttleFallback, true
}

// resumeAfterThrottle reloads the tab once Graph allows calls again, so a
// throttled load resumes by itself without a storm of retries.
func resumeAfterThrottle(c *Shared, err error, tab TabID) tea.Cmd {
	wait, ok := throttleWait(c, err)
	if !ok {
		return nil
	}
	return tea.Tick(wait, func(time.Time) tea.Msg {
		return ReloadMsg{Tab: tab, Reason: "Graph allows calls again: reloading."}
	})
}

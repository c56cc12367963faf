package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// How long a notice stays when nothing else replaces or clears it: news
// and results briefly, errors long enough to read their codes.
const (
	noticeLife      = 6 * time.Second
	errorNoticeLife = 20 * time.Second
)

// noticeExpiredMsg wakes the app when the notice shown may be due to go.
type noticeExpiredMsg struct{}

// lifeOf is how long a notice stays.
func lifeOf(bad bool) time.Duration {
	if bad {
		return errorNoticeLife
	}
	return noticeLife
}

// expireNotice clears the notice once its time on the app's clock is up.
func (a *App) expireNotice() {
	if a.notice != "" && a.ctx.Now().Sub(a.noticeAt) >= lifeOf(a.noticeBad) {
		a.setNotice("", false)
	}
}

// timeNotice schedules the wake-up for a notice newly shown; nil when the
// notice shown is already timed, or when there is none.
func (a *App) timeNotice() tea.Cmd {
	if a.notice == "" || a.noticeGen == a.noticeTimed || a.ctx.after == nil {
		return nil
	}
	a.noticeTimed = a.noticeGen
	return a.ctx.after(lifeOf(a.noticeBad), noticeExpiredMsg{})
}

// tickAfter is tea.Tick for a message known in advance.
func tickAfter(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

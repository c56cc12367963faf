package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// autoRefresh is the periodic reload of the solution list. The countdown
// starts when a load of the list finishes, whoever started it, so r or a
// webhook's reload pushes the next one back and two loads never overlap.
type autoRefresh struct {
	every time.Duration // 0: off
	seq   uint64        // the countdown that counts; ticks of older ones are stale
	due   time.Time     // when the next reload is due; zero before the first load ends
}

// refreshTickMsg wakes the app to move the countdown or to reload.
type refreshTickMsg struct{ Seq uint64 }

// scheduleRefresh starts a new countdown from now; ticks of the old one
// are ignored from now on.
func (a *App) scheduleRefresh() tea.Cmd {
	if a.auto.every <= 0 {
		return nil
	}
	now := a.ctx.Now()
	a.auto.seq = a.nextSeq()
	a.auto.due = now.Add(a.auto.every)
	return a.auto.wake(now)
}

// wake ticks when the status bar's countdown changes, or when it ends.
func (r autoRefresh) wake(now time.Time) tea.Cmd {
	seq := r.seq
	return tea.Tick(r.untilNextChange(now), func(time.Time) tea.Msg { return refreshTickMsg{Seq: seq} })
}

// untilNextChange is how long until the countdown's whole minutes drop by
// one (see countdownText), or until the reload is due.
func (r autoRefresh) untilNextChange(now time.Time) time.Duration {
	left := r.due.Sub(now)
	if left <= time.Minute {
		return max(left, 0)
	}
	if step := left % time.Minute; step > 0 {
		return step
	}
	return time.Minute
}

// refreshTick reloads the list once it is due, unless a load is already
// running (its end starts the next countdown) or Graph has us waiting out
// a throttle (the countdown starts again).
func (a *App) refreshTick(msg refreshTickMsg) tea.Cmd {
	if msg.Seq != a.auto.seq || a.auto.due.IsZero() {
		return nil
	}
	now := a.ctx.Now()
	switch {
	case now.Before(a.auto.due):
		return a.auto.wake(now) // only the countdown moved
	case a.ctx.Solutions.Loading():
		return nil
	case a.ctx.Client != nil && a.ctx.Client.Usage().ThrottledUntil.After(now):
		return a.scheduleRefresh()
	}
	return a.loadSolutionList(true)
}

// quietPage takes a page of a periodic reload. The pages are collected and
// handed over whole at the end, so the rows change once, in place, and the
// cursor keeps its solution even when it stands past the first page. A
// failed reload leaves every row as it was.
func (a *App) quietPage(msg pageMsg[graph.Solution]) tea.Cmd {
	d := a.ctx.Solutions
	if msg.Err == nil {
		d.incoming = append(d.incoming, msg.Items...)
		if !msg.Done {
			return msg.more.nextPage(msg.Origin)
		}
		a.solutionsToViews(d.incoming, true)
	}
	return a.solutionsDone(msg.Err)
}

// nextRefresh is when the status bar says the next reload is due: never
// while a load runs, since the countdown restarts when it ends.
func (a *App) nextRefresh() time.Time {
	if a.ctx.Solutions.Loading() {
		return time.Time{}
	}
	return a.auto.due
}

// countdownText is the status bar's "next 4m": whole minutes, rounded up,
// then "<1m" for the last one. Short, it is "↻4m", to fit beside the other
// short values at 80 columns.
func countdownText(left time.Duration, short bool) string {
	label := "next "
	if short {
		label = "↻"
	}
	if left <= time.Minute {
		return label + "<1m"
	}
	return fmt.Sprintf("%s%dm", label, (left+time.Minute-1)/time.Minute)
}

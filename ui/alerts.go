package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// AlertStyle is how the terminal is told that a new request needs our
// answer; the Pending tab's badge shows whatever the style.
type AlertStyle int

const (
	AlertOff    AlertStyle = iota // no terminal notification
	AlertBell                     // BEL: every terminal, and tmux flags the window
	AlertOSC9                     // OSC 9: iTerm2, WezTerm, ghostty, kitty
	AlertOSC777                   // OSC 777 notify: VTE terminals, urxvt
)

// AlertStyleFor picks the notification the terminal understands from
// TERM_PROGRAM and TERM; the bell when it cannot tell. Inside tmux or
// screen an OSC would not reach the terminal outside, but the bell does.
func AlertStyleFor(getenv func(string) string) AlertStyle {
	term, program := getenv("TERM"), getenv("TERM_PROGRAM")
	switch {
	case getenv("TMUX") != "" || strings.HasPrefix(term, "screen") || strings.HasPrefix(term, "tmux"):
		return AlertBell
	case program == "iTerm.app" || program == "WezTerm" || program == "ghostty" || term == "xterm-kitty" || term == "xterm-ghostty":
		return AlertOSC9
	case getenv("VTE_VERSION") != "" || strings.Contains(term, "rxvt"):
		return AlertOSC777
	}
	return AlertBell
}

// sequence is what the style writes for a message: an inert one line,
// with no control characters and, for OSC 777, no field separator.
func (s AlertStyle) sequence(title, body string) string {
	clean := func(v string) string { return strings.ReplaceAll(text.Sanitize(v), ";", ",") }
	switch s {
	case AlertOSC9:
		return "\x1b]9;" + clean(title+": "+body) + "\x07"
	case AlertOSC777:
		return "\x1b]777;notify;" + clean(title) + ";" + clean(body) + "\x07"
	case AlertBell:
		return "\a"
	}
	return ""
}

// alerts tells of the requests that need our answer as they appear: once
// each, and none of those already there when the first load ended.
type alerts struct {
	started bool            // the first load of the list ended
	told    map[string]bool // the requests told of, by requestKey
	mark    uint64          // the solutions' version last looked at
	badge   int             // new requests since Pending was last shown
}

// requestKey names one request: a solution asked again later is a new one.
func requestKey(s *graph.Solution) string { return s.ID + "|" + s.Status + "|" + s.PendingRequest }

// needsOurAnswer says whether a solution waits on an answer that is ours
// to give: the Pending tab's "needs us".
func needsOurAnswer(s *graph.Solution, appID string) bool {
	pending, ours := waitingOn(s, appID)
	return pending && ours
}

// watchRequests looks for new requests that need us once the shared list
// moved, raises the Pending badge and returns the terminal notification.
func (a *App) watchRequests() tea.Cmd {
	al, d := &a.alerts, a.ctx.Solutions
	if d.Version() == al.mark {
		return nil
	}
	al.mark = d.Version()
	if al.told == nil {
		al.told = map[string]bool{}
	}
	var fresh []string
	list := d.List()
	for i := range list {
		s := &list[i]
		if !needsOurAnswer(s, a.ctx.AppID) || al.told[requestKey(s)] {
			continue
		}
		al.told[requestKey(s)] = true
		fresh = append(fresh, s.Name)
	}
	if !al.started {
		al.started = !d.Loading() // what the first load finds is not news
		return nil
	}
	if len(fresh) == 0 {
		return nil
	}
	if a.activeTab().ID() != TabPending || a.inspector != nil {
		al.badge += len(fresh)
	}
	body := fmt.Sprintf("%q needs your answer", text.Sanitize(fresh[0]))
	if len(fresh) > 1 {
		body = fmt.Sprintf("%d new requests need your answer", len(fresh))
	}
	if seq := a.ctx.Alert.sequence("mps", body); seq != "" {
		return tea.Raw(seq)
	}
	return nil
}

// badgeOf is the mark on a tab's label: new requests on Pending.
func (a *App) badgeOf(id TabID) string {
	if id == TabPending && a.alerts.badge > 0 {
		return fmt.Sprintf(" ●%d new", a.alerts.badge)
	}
	return ""
}

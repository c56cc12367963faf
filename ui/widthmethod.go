package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// reportsGraphemeClustering says whether msg is the terminal's answer that
// it knows Unicode core mode (2027), set or not. That is the answer on
// which Bubble Tea's renderer turns the mode on and measures grapheme
// clusters instead of code points, so the app must measure the same way.
func reportsGraphemeClustering(msg tea.ModeReportMsg) bool {
	if msg.Mode != ansi.ModeUnicodeCore {
		return false
	}
	switch msg.Value {
	case ansi.ModeSet, ansi.ModeReset, ansi.ModePermanentlySet:
		return true
	}
	return false
}

// setWidthMethod makes every later frame measure text with method, and
// has the tabs lay out their tables again with it.
func (a *App) setWidthMethod(method ansi.Method) {
	if a.ctx.Measure.Method == method {
		return
	}
	a.ctx.Measure.Method = method
	a.layout()
}

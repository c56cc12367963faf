package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/ui/text"
)

// bodyTop is the first screen row below the tab bar.
const bodyTop = 1

// noticeLines is how many lines a long notice may take from the body.
const noticeLines = 3

// bodyHeight is what is left for the tab once the tab bar, the message
// line, the status bar and help are drawn.
func (a *App) bodyHeight() int {
	return max(1, a.ctx.Height-bodyTop-2-a.helpHeight())
}

func (a *App) helpHeight() int { return 1 }

// layout tells every tab its size.
func (a *App) layout() {
	a.help.SetWidth(a.ctx.Width)
	h := a.bodyHeight()
	for _, t := range a.tabs {
		t.SetSize(a.ctx.Width, h)
	}
	if a.inspector != nil {
		a.inspector.height = h
	}
}

func (a *App) tabLabel(i int) string {
	return a.tabLabelFit(i, a.tabFit())
}

// labelFit is how much of the labels of the tabs not in view is drawn.
type labelFit int

const (
	labelFull     labelFit = iota
	labelNoCount           // without their counts
	labelInitials          // their first letters only
)

// shortLabel is how many letters of a title labelInitials keeps.
const shortLabel = 4

// tabLabelFit renders tab i; a tighter fit shortens the labels of the tabs
// not in view, so that every tab stays in the bar on a narrow terminal.
func (a *App) tabLabelFit(i int, fit labelFit) string {
	st := a.ctx.Styles
	title := a.tabs[i].Title()
	if fit >= labelNoCount && i != a.active {
		if cut := strings.Index(title, " ("); cut > 0 {
			title = title[:cut]
		}
		if r := []rune(title); fit == labelInitials && len(r) > shortLabel {
			title = string(r[:shortLabel])
		}
	}
	label := fmt.Sprintf("%d %s", i+1, title) + a.badgeOf(a.tabs[i].ID())
	if i == a.active {
		return st.TabActive.Render(label)
	}
	return st.TabInactive.Render(label)
}

// tabFit is the widest fit of the tab labels that the screen holds.
func (a *App) tabFit() labelFit {
	for fit := labelFull; fit < labelInitials; fit++ {
		w := 0
		for i := range a.tabs {
			w += lipgloss.Width(a.tabLabelFit(i, fit))
		}
		if w <= a.ctx.Width {
			return fit
		}
	}
	return labelInitials
}

func (a *App) tabBar() string {
	var b strings.Builder
	fit := a.tabFit()
	for i := range a.tabs {
		b.WriteString(a.tabLabelFit(i, fit))
	}
	if a.busy() {
		b.WriteString(" " + a.spinner.View() + " loading")
	}
	return a.ctx.Measure.Truncate(b.String(), a.ctx.Width)
}

// messageLine is the filter being typed, or the latest notice, or the
// filter in force.
func (a *App) messageLine() string {
	st := a.ctx.Styles
	switch {
	case a.jump != nil:
		return a.jump.viewAs(":", a.ctx.Measure, a.ctx.Width)
	case a.filtering:
		return a.filter.View(a.ctx.Measure, a.ctx.Width)
	case a.notice != "":
		if a.noticeBad {
			return st.Error.Render(a.ctx.Measure.Truncate(a.notice, a.ctx.Width))
		}
		return st.Notice.Render(a.ctx.Measure.Truncate(a.notice, a.ctx.Width))
	case a.filter.Value() != "":
		return st.Muted.Render(a.ctx.Measure.Truncate("filter: "+text.Sanitize(a.filter.Value())+"  (/ edits, esc clears)", a.ctx.Width))
	}
	return ""
}

func (a *App) body() string {
	w, h := a.ctx.Width, a.bodyHeight()
	switch {
	case a.fullHelp:
		return a.helpPage(w, h)
	case a.dialog != nil:
		return a.dialog.View(w, h)
	case a.form != nil:
		return a.form.View(w, h)
	case a.raw != nil:
		return a.raw.View(w, h)
	case a.doctorOn:
		return a.doctor.View(w, h)
	case a.inspector != nil:
		return a.inspector.View(w, h)
	}
	return a.activeTab().View()
}

// Render is the whole screen as text, exactly Width x Height.
func (a *App) Render() string {
	h := a.bodyHeight()
	body := a.body()
	if a.dialog != nil || a.form != nil || a.inspector != nil || a.raw != nil || a.doctorOn || a.fullHelp {
		body = fitLines(a.ctx.Measure, body, a.ctx.Width, h)
	} else {
		body = fitHeight(body, h) // tabs draw lines of exactly the width
	}
	msgLine := a.messageLine()
	if a.notice != "" && a.ctx.Measure.Width(a.notice) > a.ctx.Width && !a.filtering {
		// A long notice (an error with its codes) is worth two lines.
		body = fitLines(a.ctx.Measure, body, a.ctx.Width, h-noticeLines+1)
		msgLine = a.longNotice()
	}
	help := fitLines(a.ctx.Measure, a.helpView(), a.ctx.Width, a.helpHeight())
	parts := []string{a.tabBar(), body, msgLine, a.status.View(a.ctx, a.ctx.Width), help}
	return strings.Join(parts, "\n")
}

func (a *App) longNotice() string {
	style := a.ctx.Styles.Notice
	if a.noticeBad {
		style = a.ctx.Styles.Error
	}
	wrapped := lipgloss.NewStyle().Width(a.ctx.Width).Render(a.notice)
	return style.Render(fitLines(a.ctx.Measure, wrapped, a.ctx.Width, noticeLines))
}

// View is the Bubble Tea view.
func (a *App) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "mps"
	return v
}

// fitHeight cuts or pads s to exactly height lines.
func fitHeight(s string, height int) string {
	n := strings.Count(s, "\n") + 1
	switch {
	case n == height:
		return s
	case n < height:
		return s + strings.Repeat("\n", height-n)
	}
	cut := 0
	for range height {
		cut += strings.IndexByte(s[cut:], '\n') + 1
	}
	return s[:cut-1]
}

// fitLines cuts or pads s to exactly height lines, each at most width wide
// as m measures it.
func fitLines(m text.Measure, s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		// A line no longer in bytes than the width cannot be wider; only
		// longer ones are measured, and the tables' lines are already exact.
		if len(l) > width && m.Width(l) > width {
			lines[i] = m.Truncate(l, width)
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

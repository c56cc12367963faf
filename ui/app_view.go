package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
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
	return a.tabLabelFit(i, a.compactTabs())
}

// tabLabelFit renders tab i; compact drops the counts of the tabs not in
// view, so that every tab stays reachable on a narrow terminal.
func (a *App) tabLabelFit(i int, compact bool) string {
	st := a.ctx.Styles
	title := a.tabs[i].Title()
	if compact && i != a.active {
		if cut := strings.Index(title, " ("); cut > 0 {
			title = title[:cut]
		}
	}
	label := fmt.Sprintf("%d %s", i+1, title)
	if i == a.active {
		return st.TabActive.Render(label)
	}
	return st.TabInactive.Render(label)
}

// compactTabs says whether the full tab labels are wider than the screen.
func (a *App) compactTabs() bool {
	w := 0
	for i := range a.tabs {
		w += lipgloss.Width(a.tabLabelFit(i, false))
	}
	return w > a.ctx.Width
}

func (a *App) tabBar() string {
	var b strings.Builder
	compact := a.compactTabs()
	for i := range a.tabs {
		b.WriteString(a.tabLabelFit(i, compact))
	}
	if a.busy() {
		b.WriteString(" " + a.spinner.View() + " loading")
	}
	return a.ctx.Measure.Truncate(b.String(), a.ctx.Width)
}

// helpKey is everything the help line depends on.
type helpKey struct {
	width, active           int
	dialog, inspector, full bool
}

// helpMemo caches the help line, which only changes with its helpKey.
type helpMemo struct {
	key  helpKey
	text string
	set  bool
}

// helpView is the help line, drawn again only when what it shows changes.
func (a *App) helpView() string {
	k := helpKey{a.ctx.Width, a.active, a.dialog != nil, a.inspector != nil, a.fullHelp}
	if !a.helpCache.set || a.helpCache.key != k {
		a.helpCache = helpMemo{key: k, text: a.drawHelp(), set: true}
	}
	return a.helpCache.text
}

func (a *App) drawHelp() string {
	keys := a.ctx.Keys
	if a.dialog != nil {
		return a.help.ShortHelpView(keys.DialogHelp())
	}
	if a.inspector != nil && !a.fullHelp {
		return a.help.ShortHelpView(keys.InspectorHelp())
	}
	if a.fullHelp {
		return a.help.ShortHelpView([]key.Binding{keys.Help, keys.Quit})
	}
	global := keys.ShortHelp()
	short := append(append(append([]key.Binding{}, global[:3]...), a.activeTab().KeyHelp()...), global[3:]...)
	return a.help.ShortHelpView(short)
}

// fullHelpView lays the key groups out in columns, as many to a row as
// the width allows.
func (a *App) fullHelpView(width int) string {
	groups := a.ctx.Keys.FullHelp()
	var rows []string
	var row []string
	rowWidth := 0
	for _, g := range groups {
		col := a.help.FullHelpView([][]key.Binding{g})
		w := lipgloss.Width(col) + 4
		if rowWidth+w > width && len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowWidth = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingRight(4).Render(col))
		rowWidth += w
	}
	rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	title := a.ctx.Styles.Header.Render("Keys — " + a.activeTab().Title() + " (? closes)")
	return title + "\n\n" + strings.Join(rows, "\n\n")
}

// messageLine is the filter being typed, or the latest notice, or the
// filter in force.
func (a *App) messageLine() string {
	st := a.ctx.Styles
	switch {
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
	case a.dialog != nil:
		return a.dialog.View(w, h)
	case a.fullHelp:
		return a.fullHelpView(w)
	case a.inspector != nil:
		return a.inspector.View(w, h)
	}
	return a.activeTab().View()
}

// Render is the whole screen as text, exactly Width x Height.
func (a *App) Render() string {
	h := a.bodyHeight()
	body := a.body()
	if a.dialog != nil || a.inspector != nil || a.fullHelp {
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

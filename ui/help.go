package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/ui/text"
)

// helpMemo caches the footer line, which changes only with the keys it
// lists and the width.
type helpMemo struct {
	width int
	keys  []key.Help
	text  string
}

// helpView is the footer line, drawn again only when what it lists changes.
func (a *App) helpView() string {
	line := a.footerKeys()
	m := &a.helpCache
	if m.text == "" || m.width != a.ctx.Width || !sameHelp(m.keys, line) {
		m.width, m.text = a.ctx.Width, a.help.ShortHelpView(line)
		m.keys = m.keys[:0]
		for _, b := range line {
			m.keys = append(m.keys, b.Help())
		}
	}
	return m.text
}

func sameHelp(was []key.Help, now []key.Binding) bool {
	if len(was) != len(now) {
		return false
	}
	for i, b := range now {
		if b.Help() != was[i] {
			return false
		}
	}
	return true
}

// footerKeys are the keys the footer lists: the root's first ones, the
// focused view's own (not the movement keys), then the root's others.
// While help is shown, its own keys.
func (a *App) footerKeys() []key.Binding {
	if a.fullHelp {
		return keysOf(a.helpBindings(), false)
	}
	lead, rest := a.globalParts()
	out := keysOf(lead, false)
	out = append(out, keysOf(a.focusBindings(), false)...)
	return append(out, keysOf(rest, false)...)
}

// keysOf are the bindings' keys, the movement keys only when moves is set.
func keysOf(bs []Binding, moves bool) []key.Binding {
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if b.Move == moves {
			out = append(out, b.Key)
		}
	}
	return out
}

// focusName is what ? lists the keys of.
func (a *App) focusName() string {
	switch {
	case a.dialog != nil:
		return a.dialog.title()
	case a.form != nil:
		return createTitle
	case a.inspector != nil:
		return "Solution " + text.Sanitize(a.inspector.sol.Name)
	}
	return a.activeTab().Title()
}

// helpEntry is one line of ?: a key, what it does, and why not, when not now.
type helpEntry struct {
	key, desc, reason string
	tabKey            bool // one of the keys that switch tabs
}

// helpGap is the space between two columns of ?.
const helpGap = 3

// notNowMark marks a key that does nothing now (dimming alone would not
// show without colour); its reason follows the columns.
const notNowMark = "✗"

func (a *App) helpEntries(bs []Binding, moves bool) []helpEntry {
	k := a.ctx.Keys
	var out []helpEntry
	for _, b := range bs {
		if b.Move == moves {
			h := b.Key.Help()
			tabKey := h == k.NextTab.Help() || h == k.PrevTab.Help() || h == k.JumpTab.Help()
			out = append(out, helpEntry{h.Key, h.Desc, b.reason(), tabKey})
		}
	}
	return out
}

// fullHelpView is ?: the keys of what has focus, its movement keys, and the
// root's, in columns as many to a row as the width allows; a key that does
// nothing now is dimmed, with the reason below.
func (a *App) fullHelpView(width int) string {
	focus := a.focusBindings()
	lead, rest := a.globalParts()
	global := a.helpEntries(append(lead, rest...), false)
	// The tab keys make a column of their own, so that their long names
	// do not widen the others.
	var tabs, others []helpEntry
	for _, e := range global {
		if e.tabKey {
			tabs = append(tabs, e)
		} else {
			others = append(others, e)
		}
	}
	groups := []struct {
		title   string
		entries []helpEntry
	}{
		{"Here", a.helpEntries(focus, false)},
		{"Moving", a.helpEntries(focus, true)},
		{"Everywhere", others},
		{"Tabs", tabs},
	}
	var rows, row []string
	var notNow []helpEntry
	rowWidth := 0
	for _, g := range groups {
		if len(g.entries) == 0 {
			continue
		}
		col := a.helpColumn(g.title, g.entries)
		for _, e := range g.entries {
			if e.reason != "" {
				notNow = append(notNow, e)
			}
		}
		w := lipgloss.Width(col) + helpGap
		if rowWidth+w > width && len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowWidth = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingRight(helpGap).Render(col))
		rowWidth += w
	}
	rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	st := a.ctx.Styles
	out := st.Header.Render(a.ctx.Measure.Truncate("Keys — "+a.focusName()+" (? closes)", width)) + "\n\n" + strings.Join(rows, "\n\n")
	if len(notNow) > 0 {
		out += "\n"
	}
	for _, e := range notNow {
		out += "\n" + st.Muted.Render(a.ctx.Measure.Wrap(notNowMark+" "+e.key+": "+e.reason, width))
	}
	return out
}

// helpColumn is a titled column of keys and what they do.
func (a *App) helpColumn(title string, entries []helpEntry) string {
	st := a.ctx.Styles
	keyWidth := 0
	for _, e := range entries {
		keyWidth = max(keyWidth, a.ctx.Measure.Width(e.key))
	}
	lines := []string{st.Section.Render(title)}
	for _, e := range entries {
		line := a.ctx.Measure.PadRight(e.key, keyWidth) + " " + e.desc
		if e.reason != "" {
			lines = append(lines, st.Muted.Render(line+" "+notNowMark))
			continue
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// helpPage is the part of ? that fits in width x height, from the line the
// movement keys scrolled to; a last line says when more follows.
func (a *App) helpPage(width, height int) string {
	lines := strings.Split(a.fullHelpView(width), "\n")
	last := max(len(lines)-height, 0)
	a.helpOffset = min(a.helpOffset, last)
	end := min(a.helpOffset+height, len(lines))
	page := lines[a.helpOffset:end]
	if end < len(lines) && len(page) > 1 {
		page[len(page)-1] = a.ctx.Styles.Muted.Render(fmt.Sprintf("↓ %d more lines (j, pgdn, G)", len(lines)-end+1))
	}
	return strings.Join(page, "\n")
}

// helpScrolls says whether ? is taller than the body, so that the
// movement keys scroll it.
func (a *App) helpScrolls() bool {
	return strings.Count(a.fullHelpView(a.ctx.Width), "\n")+1 > a.bodyHeight()
}

func (a *App) scrollHelp(k tea.KeyPressMsg) {
	lines := strings.Count(a.fullHelpView(a.ctx.Width), "\n") + 1
	h := a.bodyHeight()
	a.helpOffset = scrollTo(a.ctx.Keys, k, a.helpOffset, h, lines-h)
}

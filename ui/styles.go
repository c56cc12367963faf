package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"mps/graph"
)

// Styles is the app's one theme. With NoColor it draws with weight and
// reverse video only, so every state stays readable by its label.
type Styles struct {
	NoColor bool

	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	Header      lipgloss.Style
	Muted       lipgloss.Style
	Bold        lipgloss.Style
	Error       lipgloss.Style
	Notice      lipgloss.Style
	Warning     lipgloss.Style
	StatusBar   lipgloss.Style
	Highlight   lipgloss.Style // a permission one side lacks
	Allowed     lipgloss.Style
	Disallowed  lipgloss.Style
	Dialog      lipgloss.Style
	Button      lipgloss.Style
	ButtonFocus lipgloss.Style
	Danger      lipgloss.Style
	Section     lipgloss.Style
}

// NewStyles builds the theme. Colours are plain ANSI ones, so start-up never
// has to ask the terminal for its background.
func NewStyles(noColor bool) Styles {
	base := lipgloss.NewStyle()
	if noColor {
		return Styles{
			NoColor:     true,
			TabActive:   base.Bold(true).Reverse(true).Padding(0, 1),
			TabInactive: base.Padding(0, 1),
			Header:      base.Bold(true),
			Muted:       base,
			Bold:        base.Bold(true),
			Error:       base.Bold(true),
			Notice:      base,
			Warning:     base.Bold(true),
			StatusBar:   base.Reverse(true),
			Highlight:   base.Bold(true).Underline(true),
			Allowed:     base.Bold(true),
			Disallowed:  base,
			Dialog:      base.Border(lipgloss.NormalBorder()).Padding(0, 1),
			Button:      base.Padding(0, 1),
			ButtonFocus: base.Reverse(true).Bold(true).Padding(0, 1),
			Danger:      base.Bold(true),
			Section:     base.Bold(true).Underline(true),
		}
	}
	ansi := func(n string) color.Color { return lipgloss.Color(n) }
	return Styles{
		TabActive:   base.Bold(true).Foreground(ansi("0")).Background(ansi("6")).Padding(0, 1),
		TabInactive: base.Foreground(ansi("7")).Padding(0, 1),
		Header:      base.Bold(true).Foreground(ansi("6")),
		Muted:       base.Foreground(ansi("8")),
		Bold:        base.Bold(true),
		Error:       base.Bold(true).Foreground(ansi("1")),
		Notice:      base.Foreground(ansi("2")),
		Warning:     base.Foreground(ansi("3")),
		StatusBar:   base.Foreground(ansi("0")).Background(ansi("7")),
		Highlight:   base.Bold(true).Foreground(ansi("3")),
		Allowed:     base.Foreground(ansi("2")),
		Disallowed:  base.Foreground(ansi("8")),
		Dialog:      base.Border(lipgloss.RoundedBorder()).BorderForeground(ansi("6")).Padding(0, 1),
		Button:      base.Padding(0, 1).Foreground(ansi("7")),
		ButtonFocus: base.Padding(0, 1).Bold(true).Foreground(ansi("0")).Background(ansi("6")),
		Danger:      base.Bold(true).Foreground(ansi("1")),
		Section:     base.Bold(true).Foreground(ansi("6")).Underline(true),
	}
}

// stateLook is how a display state is drawn: an ANSI colour number and a
// one-character mark that tells states apart without colour.
func stateLook(st graph.State) (color, mark string) {
	switch st {
	case graph.StatePending:
		return "3", "◆"
	case graph.StatePendingDeactivation:
		return "5", "◇"
	case graph.StateActive:
		return "2", "●"
	case graph.StateInactive:
		return "1", "✕"
	case graph.StateDraft:
		return "4", "✎"
	case graph.StateDeactivated:
		return "8", "○"
	}
	return "7", "?"
}

func stateColor(st graph.State) string { c, _ := stateLook(st); return c }
func stateMark(st graph.State) string  { _, m := stateLook(st); return m }

// Badge is a state drawn as a coloured mark followed by its label. label is
// already sanitised (it may be a raw server value for unknown states).
func (s Styles) Badge(st graph.State, label string) string {
	text := stateMark(st) + " " + label
	if s.NoColor {
		return text
	}
	return lipgloss.NewStyle().Foreground(lipgloss.Color(stateColor(st))).Render(text)
}

// BadgeWidth is the printed width of a badge, for column sizing.
func BadgeWidth(label string) int { return 2 + lipgloss.Width(label) }

package ui

import (
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"mps/ui/text"
)

// filterLine is the one-line text filter that / opens: typing appends,
// backspace deletes, ctrl+u clears. Pasted text is sanitised first.
type filterLine struct {
	value string
}

func (f *filterLine) Value() string     { return f.value }
func (f *filterLine) SetValue(v string) { f.value = v }

// Update edits the value and reports whether it changed.
func (f *filterLine) Update(msg tea.Msg) bool {
	before := f.value
	switch msg := msg.(type) {
	case tea.PasteMsg:
		f.value += strings.ReplaceAll(text.Sanitize(msg.Content), "\n", " ")
	case tea.KeyPressMsg:
		switch msg.String() {
		case "backspace", "ctrl+h":
			_, size := utf8.DecodeLastRuneInString(f.value)
			f.value = f.value[:len(f.value)-size]
		case "ctrl+u":
			f.value = ""
		default:
			if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
				f.value += text.Sanitize(msg.Text)
			}
		}
	}
	return f.value != before
}

// View is the line being typed, cut to width cells as m measures them.
func (f *filterLine) View(m text.Measure, width int) string { return f.viewAs("/", m, width) }

// viewAs is View after another prompt than the filter's.
func (f *filterLine) viewAs(prompt string, m text.Measure, width int) string {
	return m.Truncate(prompt+f.value+"█", width)
}

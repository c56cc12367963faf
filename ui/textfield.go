package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// newTextField is a one-line text input in the app's theme. Its cursor
// does not blink (a blink is a timer message for every frame), and ctrl+v
// does nothing: a terminal's paste arrives as a tea.PasteMsg, which the
// root hands to the field being edited.
func newTextField(c *Shared, placeholder string) textinput.Model {
	f := textinput.New()
	f.Prompt = ""
	f.Placeholder = placeholder
	f.KeyMap.Paste = key.NewBinding(key.WithDisabled())
	f.KeyMap.AcceptSuggestion = key.NewBinding(key.WithDisabled())
	f.KeyMap.NextSuggestion = key.NewBinding(key.WithDisabled())
	f.KeyMap.PrevSuggestion = key.NewBinding(key.WithDisabled())
	st := textinput.DefaultDarkStyles()
	st.Cursor.Blink = false
	st.Focused.Placeholder = c.Styles.Muted
	st.Blurred.Placeholder = c.Styles.Muted
	f.SetStyles(st)
	return f
}

// editField gives a key or a paste to a focused field; whatever command
// the field returns (its cursor's) is not needed with a steady cursor.
func editField(f *textinput.Model, msg tea.Msg) {
	*f, _ = f.Update(msg)
}

// fieldBox draws a field's text in width cells: what was typed, or the
// placeholder, with the cursor when focused.
func fieldBox(c *Shared, f *textinput.Model, width int) string {
	f.SetWidth(max(width-1, 1))
	return c.Measure.Truncate(f.View(), width)
}

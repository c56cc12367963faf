package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// reasonLine is the confirm dialog's optional reason, for the actions that
// take one (Action.ReasonParam): one line, checked as typed with
// Action.CheckReason, sent as the action's reason and kept in the journal.
// It takes keys only once r has focused it, so that a y meant for the
// dialog never lands in it, and every key typed there is text: y, n and ?
// included. enter, esc and tab leave it, focusing Cancel.
type reasonLine struct {
	action graph.Action
	input  textinput.Model
	err    error // the check of the text as typed
}

// newReasonLine is the reason line for an action, or nil when the action
// takes no reason.
func newReasonLine(c *Shared, a graph.Action) *reasonLine {
	if a.ReasonParam() == "" {
		return nil
	}
	return &reasonLine{action: a, input: newTextField(c, "none (press r to write one)")}
}

// value is the reason as sent: the text without spaces around it.
func (r *reasonLine) value() string {
	if r == nil {
		return ""
	}
	return strings.TrimSpace(r.input.Value())
}

func (r *reasonLine) focus()        { r.input.Focus() }
func (r *reasonLine) blur()         { r.input.Blur() }
func (r *reasonLine) editing() bool { return r != nil && r.input.Focused() }

// edit types a key or a paste into the line and checks it again.
func (r *reasonLine) edit(msg tea.Msg) {
	editField(&r.input, msg)
	r.err = r.action.CheckReason(r.value())
}

// lines are the reason's label and field, and what is wrong with it.
func (r *reasonLine) lines(c *Shared, width int) []string {
	label := "Reason:  "
	out := []string{label + fieldBox(c, &r.input, max(width-len(label), 1))}
	switch {
	case r.err != nil:
		out = append(out, c.Styles.Danger.Render(c.Measure.Truncate(text.Sanitize(r.err.Error()), width)))
	case r.editing():
		n := len([]rune(r.value()))
		out = append(out, c.Styles.Muted.Render(c.Measure.Truncate(fmt.Sprintf("optional, one line, %d/%d characters", n, graph.MaxReasonLength), width)))
	}
	return out
}

package ui

import (
	tea "charm.land/bubbletea/v2"
)

// SelectedRaw is the selected event's payload as the webhook sent it;
// enter there opens its solution or WABA, as on the row.
func (t *eventsTab) SelectedRaw() (rawTarget, bool) {
	if t.reconOpen {
		return rawTarget{}, false
	}
	r, ok := t.list.Selected()
	if !ok {
		return rawTarget{}, false
	}
	target := t.targets[r.ID]
	out := rawTarget{what: "event", id: r.ID, raw: target.raw}
	switch {
	case target.solutionID != "":
		out.openWhat = "solution " + target.solutionID
	case target.wabaID != "":
		out.openWhat = "WABA " + target.wabaID
	}
	if out.openWhat != "" {
		id := r.ID
		out.open = func() tea.Cmd { return t.openEvent(id) }
	}
	return out, true
}

// openEvent is enter on the event with this row ID.
func (t *eventsTab) openEvent(id string) tea.Cmd {
	if t.list.SelectID(id) {
		return t.open()
	}
	return nil
}

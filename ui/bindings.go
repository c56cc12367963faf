package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Binding is one key a view answers to, declared where it acts: its keys
// and help text, what it does, and, when it cannot act now, why. The view's
// list of bindings is what its keys do, what the footer shows and what ?
// lists, so that help names only keys that work where you are.
type Binding struct {
	Key     key.Binding
	Handler func(tea.KeyPressMsg) tea.Cmd
	// Disabled says why the key does nothing now; nil, or "", when it
	// works. A disabled key shows the reason instead of its handler running.
	Disabled func() string
	// Move marks a movement key: ? lists these apart, and the footer
	// leaves them out.
	Move bool
}

// reason is why the binding is disabled now, or "".
func (b Binding) reason() string {
	if b.Disabled == nil {
		return ""
	}
	return b.Disabled()
}

// withCmd adapts a handler that does not look at the key.
func withCmd(f func() tea.Cmd) func(tea.KeyPressMsg) tea.Cmd {
	return func(tea.KeyPressMsg) tea.Cmd { return f() }
}

// withoutCmd adapts a handler that only changes the view.
func withoutCmd(f func()) func(tea.KeyPressMsg) tea.Cmd {
	return func(tea.KeyPressMsg) tea.Cmd { f(); return nil }
}

// matching is the first of bs that k triggers.
func matching(bs []Binding, k tea.KeyPressMsg) (Binding, bool) {
	for _, b := range bs {
		if key.Matches(k, b.Key) {
			return b, true
		}
	}
	return Binding{}, false
}

// moveBindings are the movement keys of a list or a scrolled text; move
// gets the key and moves by the key map it was built with.
func moveBindings(k KeyMap, move func(tea.KeyPressMsg)) []Binding {
	keys := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
	out := make([]Binding, len(keys))
	for i, b := range keys {
		out[i] = Binding{Key: b, Handler: func(k tea.KeyPressMsg) tea.Cmd { move(k); return nil }, Move: true}
	}
	return out
}

// sortBindings are the keys that sort a tab's table, which move sends on
// to the table; ? lists them with the movement keys, and the footer, as it
// does those, leaves them out.
func sortBindings(k KeyMap, move func(tea.KeyPressMsg)) []Binding {
	keys := []key.Binding{k.SortNext, k.SortPrev, k.SortFlip}
	out := make([]Binding, len(keys))
	for i, b := range keys {
		out[i] = Binding{Key: b, Handler: func(k tea.KeyPressMsg) tea.Cmd { move(k); return nil }, Move: true}
	}
	return out
}

// host is what a view's bindings may ask of the root model, at once (the
// next key must already see the result): the one action path with its
// once-only rules, and the inspector's place on screen.
type host interface {
	requestAction(kind actionKind) tea.Cmd
	// actionRefused is why an action key does nothing now, or "".
	actionRefused(kind actionKind) string
	closeInspector()
	// leaveInspector is esc there: back to where it was opened from.
	leaveInspector() tea.Cmd
	closeRaw()
	nextSeq() uint64
	// openCreate opens the create form; createRefused is why it cannot now.
	openCreate() tea.Cmd
	createRefused() string
}

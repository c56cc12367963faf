package table

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// wheelStep is how many rows one mouse wheel notch moves.
const wheelStep = 3

// KeyMap holds the bindings Update handles; the app that embeds the table
// gives its own (WithKeyMap), so that its keys are named in one place. It
// satisfies help.KeyMap.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	// SortNext and SortPrev move the sort to the next or previous column
	// (and to the order rows were added in, past the ends); SortFlip turns
	// its direction.
	SortNext, SortPrev, SortFlip key.Binding
}

// ShortHelp is the bindings for a one-line help.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down} }

// FullHelp is every binding, grouped.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.PageUp, k.PageDown}, {k.SortNext, k.SortPrev, k.SortFlip}}
}

// Update moves the cursor for the key map's keys, the mouse wheel (anywhere:
// the caller decides which component gets it) and a left click on a row
// (located with SetOrigin). It never returns a command; compare Selected
// before and after to react to a move.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.MoveBy(-wheelStep)
		case tea.MouseWheelDown:
			m.MoveBy(wheelStep)
		}
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			if pos, ok := m.rowAt(msg.X, msg.Y); ok {
				m.moveTo(pos)
			} else if col, ok := m.columnAt(msg.X, msg.Y); ok {
				m.SortBy(col, col == m.sortCol && !m.sortDesc)
			}
		}
	}
	return m, nil
}

// keyName lets key.Matches compare one precomputed name instead of building
// the key's name again for every binding.
type keyName string

func (k keyName) String() string { return string(k) }

func (m *Model) handleKey(msg tea.KeyPressMsg) {
	k := keyName(msg.String())
	switch {
	case key.Matches(k, m.keys.Up):
		m.MoveBy(-1)
	case key.Matches(k, m.keys.Down):
		m.MoveBy(1)
	case key.Matches(k, m.keys.PageUp):
		m.PageUp()
	case key.Matches(k, m.keys.PageDown):
		m.PageDown()
	case key.Matches(k, m.keys.Top):
		m.Top()
	case key.Matches(k, m.keys.Bottom):
		m.Bottom()
	case key.Matches(k, m.keys.SortNext):
		m.cycleSort(1)
	case key.Matches(k, m.keys.SortPrev):
		m.cycleSort(-1)
	case key.Matches(k, m.keys.SortFlip):
		if m.sortCol >= 0 {
			m.SortBy(m.sortCol, !m.sortDesc)
		}
	}
}

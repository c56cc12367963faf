package ui

import (
	"charm.land/bubbles/v2/key"

	"mps/ui/table"
)

// KeyMap names every key the app answers to. Which of them work where is
// declared by each view's Bindings, and help is drawn from those.
type KeyMap struct {
	NextTab     key.Binding
	PrevTab     key.Binding
	JumpTab     key.Binding // 1-9; the digit picks the tab
	Up          key.Binding
	Down        key.Binding
	PageUp      key.Binding
	PageDown    key.Binding
	Top         key.Binding
	Bottom      key.Binding
	Open        key.Binding
	Back        key.Binding
	Filter      key.Binding
	Jump        key.Binding // to a solution, WABA or partner app by its ID
	StateFilter key.Binding
	RoleFilter  key.Binding
	SortNext    key.Binding // a table's sort, by the next column
	SortPrev    key.Binding // by the previous column
	SortFlip    key.Binding // the other way round
	StateBack   key.Binding // the state filter, cycled backwards
	RoleBack    key.Binding // the role filter, cycled backwards
	Partner     key.Binding
	Field       key.Binding // the Events tab's field filter
	Reconcile   key.Binding // the Events tab's reconciliation
	Refresh     key.Binding
	Accept      key.Binding
	Reject      key.Binding
	Deactivate  key.Binding
	New         key.Binding // a new solution (the create form)
	Copy        key.Binding // the selected item's ID, to the clipboard
	Signup      key.Binding // the inspector's Embedded Signup snippet
	Browser     key.Binding // our app in the App Dashboard
	Raw         key.Binding // the raw JSON of what is selected
	Subscribe   key.Binding // the Customers tab: our app to the WABA's webhooks
	ShareCredit key.Binding // the Customers tab: our credit line to the WABA
	CopyName    key.Binding // its name
	CopyRow     key.Binding // its table row, tab-separated
	Doctor      key.Binding // the doctor's view: the setup checks
	Help        key.Binding
	Quit        key.Binding

	// Dialog keys.
	Confirm    key.Binding
	Cancel     key.Binding
	FocusNext  key.Binding
	Activate   key.Binding
	FilterDone key.Binding
	Reason     key.Binding // the dialog's reason line
	FieldNext  key.Binding // the form's and the reason line's fields
	FieldPrev  key.Binding
	FieldDone  key.Binding
	Choose     key.Binding // the form's choice between two sides
	Currency   key.Binding // the share dialog's currency
	CreditLine key.Binding // the share dialog's credit line
}

// DefaultKeyMap is mps's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextTab:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous tab")),
		JumpTab:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-4", "go to tab")),
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Jump:        key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "jump to an ID")),
		StateFilter: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "state filter")),
		RoleFilter:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "role filter")),
		SortNext:    key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "sort by next column")),
		SortPrev:    key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "sort by previous column")),
		SortFlip:    key.NewBinding(key.WithKeys("~"), key.WithHelp("~", "reverse the sort")),
		StateBack:   key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "state filter back")),
		RoleBack:    key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "role filter back")),
		Partner:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "partner business")),
		Field:       key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "field filter")),
		Reconcile:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "reconcile")),
		Refresh:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		Accept:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accept")),
		Reject:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "reject")),
		Deactivate:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "request deactivation")),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new solution")),
		Copy:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy ID")),
		Signup:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "signup snippet")),
		Browser:     key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "open the app in the browser")),
		Raw:         key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "raw JSON")),
		Subscribe:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "subscribe our app to the WABA")),
		ShareCredit: key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "share our credit line")),
		CopyName:    key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy name")),
		CopyRow:     key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "copy row (TSV)")),
		Doctor:      key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "setup checks (doctor)")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		Confirm:    key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "confirm")),
		Cancel:     key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "cancel")),
		FocusNext:  key.NewBinding(key.WithKeys("tab", "shift+tab", "left", "right", "h", "l"), key.WithHelp("tab/←/→", "move focus")),
		Activate:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "press focused")),
		FilterDone: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Reason:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "write a reason")),
		FieldNext:  key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "next field")),
		FieldPrev:  key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "previous field")),
		FieldDone:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Choose:     key.NewBinding(key.WithKeys("left", "right", "h", "l", "space"), key.WithHelp("←/→/space", "us or partner")),
		Currency:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "next currency")),
		CreditLine: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "next credit line")),
	}
}

// tableKeys are the movement keys every table the app builds answers to.
func (k KeyMap) tableKeys() table.KeyMap {
	return table.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom,
		SortNext: k.SortNext, SortPrev: k.SortPrev, SortFlip: k.SortFlip}
}

// described is b's keys under another description, for a view where the
// key does something more particular than its name says.
func described(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}

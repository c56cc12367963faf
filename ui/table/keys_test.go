package table

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

// testKeyMap is the movement keys the table's own tests press: arrows and
// j/k, pgup/pgdown, g/home and G/end. The app gives its own.
func testKeyMap() KeyMap {
	b := func(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
	return KeyMap{Up: b("up", "k"), Down: b("down", "j"), PageUp: b("pgup"), PageDown: b("pgdown"), Top: b("home", "g"), Bottom: b("end", "G"),
		SortNext: b(">"), SortPrev: b("<"), SortFlip: b("~")}
}

// A table moves for the keys it was given and no others: without a key
// map it answers to none, so that the app's map is the only one.
func TestTableMovesByTheKeyMapItIsGiven(t *testing.T) {
	rows := numberedRows(0, 5)
	plain := New(testColumns())
	plain.SetSize(40, 10)
	plain.SetRows(rows)
	plain, _ = plain.Update(keyMsg("j"))
	if plain.Cursor() != 0 {
		t.Fatalf("a table without a key map moved to %d on j", plain.Cursor())
	}
	keys := testKeyMap()
	keys.Down = key.NewBinding(key.WithKeys("n"))
	m := newTable(t, rows, 40, 10, WithKeyMap(keys))
	m, _ = m.Update(keyMsg("j"))
	if m.Cursor() != 0 {
		t.Fatalf("j moved the cursor to %d after Down was rebound", m.Cursor())
	}
	m, _ = m.Update(keyMsg("n"))
	if m.Cursor() != 1 {
		t.Fatalf("n (the new Down) left the cursor at %d", m.Cursor())
	}
}

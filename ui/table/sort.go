package table

import (
	"cmp"
	"slices"
)

// The table shows its rows in the order they were added unless a column
// sorts them. A sort ranks every row once, O(n log n), when it is chosen and
// when rows arrive; the visible lists are then kept in rank order, so a
// frame costs what it cost unsorted.

// SortBy sorts the rows by column col's text, descending with desc; a col
// outside the columns restores the order the rows were added in. The
// cursor stays on its row.
func (m *Model) SortBy(col int, desc bool) {
	if col < 0 || col >= len(m.cols) {
		col, desc = -1, false
	}
	if col == m.sortCol && desc == m.sortDesc {
		return
	}
	keep := m.selectedIndex()
	m.sortCol, m.sortDesc = col, desc
	m.rerank()
	m.drawHeader()
	if keep >= 0 {
		if pos, ok := m.positionOf(keep); ok {
			m.setCursor(pos)
		}
	}
}

// SortColumn is the sorting column and direction; col is -1 for the order
// the rows were added in.
func (m Model) SortColumn() (col int, desc bool) { return m.sortCol, m.sortDesc }

// cycleSort moves the sort to the next shown column in direction dir,
// through "unsorted" after the last.
func (m *Model) cycleSort(dir int) {
	n := len(m.cols) + 1 // the columns and "unsorted", as -1
	col := m.sortCol
	for range n {
		col = (col+1+dir+n)%n - 1
		if col < 0 || m.widths[col] > 0 {
			break
		}
	}
	m.SortBy(col, false)
}

// rerank ranks the rows for the sort in force and puts every visible list
// in rank order.
func (m *Model) rerank() {
	m.rank = nil
	if m.sortCol >= 0 {
		m.rank = m.ranks(m.sortCol, m.sortDesc)
	}
	m.sortVisible(m.filter.visible)
	for i := range m.history {
		m.sortVisible(m.history[i].visible)
	}
}

// ranks returns each row's place when sorted by column col. Equal cells
// keep the order the rows were added in, either way.
func (m *Model) ranks(col int, desc bool) []int32 {
	n := m.rows.len()
	keys := make([]string, n)
	for i := range n {
		cells, _ := m.rows.cells(i)
		keys[i] = string(appendLower(nil, cells.at(col)))
	}
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	section := m.sections(n)
	slices.SortStableFunc(perm, func(a, b int32) int {
		if c := cmp.Compare(section[a], section[b]); c != 0 {
			return c // sections keep their order, a heading first in its own
		}
		c := compareCells(keys[a], keys[b])
		if desc {
			c = -c
		}
		return c
	})
	rank := make([]int32, n)
	for p, i := range perm {
		rank[i] = int32(p)
	}
	return rank
}

// sections is each row's section key for the sort: twice the section's
// number, plus one for a row under its heading, so that a heading sorts
// before its rows and sections keep their order. Without WithSections every
// row is in one section.
func (m *Model) sections(n int) []int32 {
	keys := make([]int32, n)
	if m.isSection == nil {
		return keys
	}
	var heading int32 = -1
	for i := range n {
		if m.isSection(m.rows.id(i)) {
			heading++
			keys[i] = 2 * heading
			continue
		}
		keys[i] = 2*heading + 1
	}
	return keys
}

// compareCells orders two folded cells: numbers (IDs, counts) by value,
// other text by its bytes.
func compareCells(a, b string) int {
	if isDigits(a) && isDigits(b) {
		if c := cmp.Compare(len(a), len(b)); c != 0 {
			return c
		}
	}
	return cmp.Compare(a, b)
}

func isDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// key is where row i goes in a visible list: its rank, or its index when
// no column sorts.
func (m *Model) key(i int32) int32 {
	if m.rank == nil {
		return i
	}
	return m.rank[i]
}

func (m *Model) sortVisible(v []int32) {
	if m.rank == nil {
		slices.Sort(v)
		return
	}
	slices.SortFunc(v, func(a, b int32) int { return cmp.Compare(m.rank[a], m.rank[b]) })
}

// positionOf is row i's position in the visible list, or where it would go.
func (m *Model) positionOf(i int) (int, bool) {
	k := m.key(int32(i))
	return slices.BinarySearchFunc(m.filter.visible, k, func(v, k int32) int { return cmp.Compare(m.key(v), k) })
}

// sortMark is the header's mark of the sorting column's direction.
func sortMark(desc bool) string {
	if desc {
		return " ▼"
	}
	return " ▲"
}

package table

import (
	"bytes"
	"slices"

	"mps/ui/text"
)

// SetRows replaces all rows. The filter is applied again, and the cursor
// stays on the row with the same ID when there still is one.
func (m *Model) SetRows(rows []Row) {
	keepID, hadSelection := "", false
	if r, ok := m.Selected(); ok {
		keepID, hadSelection = r.ID, true
	}
	m.rows = newStore()
	m.visible = m.visible[:0]
	m.AppendRows(rows)
	if !hadSelection || !m.SelectID(keepID) {
		m.setCursor(m.cursor)
	}
}

// AppendRows adds rows at the end. Only the new rows are sanitised, indexed
// and matched against the filter, so the cost is that of the page. The
// cursor stays on the same row.
func (m *Model) AppendRows(rows []Row) {
	from := m.rows.len()
	for _, r := range rows {
		m.rows.add(r)
	}
	m.visible = m.rows.matching(from, m.needle, m.visible)
	m.scrollToCursor()
}

// Len is the number of rows, filtered or not.
func (m Model) Len() int { return m.rows.len() }

// VisibleLen is the number of rows the filter lets through.
func (m Model) VisibleLen() int { return len(m.visible) }

// Filter returns the query set by SetFilter.
func (m Model) Filter() string { return m.query }

// SetFilter shows only the rows with a cell containing q, ignoring case; an
// empty q shows every row. When q contains the previous query, only the
// previous matches are checked again. The cursor stays on the selected row
// if it still matches, and otherwise moves to the next row that does.
func (m *Model) SetFilter(q string) {
	needle := appendLower(nil, text.Sanitize(q))
	m.query = q
	if bytes.Equal(needle, m.needle) {
		return
	}
	keep := m.selectedIndex()
	switch {
	case len(needle) == 0:
		m.visible = m.rows.matching(0, nil, m.visible[:0])
	case len(m.needle) > 0 && bytes.Contains(needle, m.needle):
		m.visible = m.rows.narrow(m.visible, needle)
	default:
		m.visible = m.rows.search(needle, m.visible[:0])
	}
	m.needle = needle
	if keep < 0 {
		m.setCursor(0)
		return
	}
	pos, _ := slices.BinarySearch(m.visible, int32(keep))
	m.setCursor(pos)
}

// selectedIndex is the row index under the cursor, or -1.
func (m *Model) selectedIndex() int {
	if m.cursor < len(m.visible) {
		return int(m.visible[m.cursor])
	}
	return -1
}

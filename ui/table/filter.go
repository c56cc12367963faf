package table

import (
	"bytes"
	"slices"

	"mps/ui/text"
)

// maxHistory bounds how many earlier filter results are kept for backspace:
// at 100,000 rows each costs at most 400 kB.
const maxHistory = 16

// filterResult is the rows one query lets through.
type filterResult struct {
	needle  []byte  // the query sanitised and lowercased
	visible []int32 // indices of the matching rows, ascending
}

// Filter returns the query set by SetFilter.
func (m Model) Filter() string { return m.query }

// SetFilter shows only the rows with a cell containing q, ignoring case; an
// empty q shows every row. Typing is cheap: when q contains the previous
// query only the previous matches are checked, and the results of the
// queries typed on the way are kept, so backspace restores one instead of
// scanning again. The cursor stays on the selected row if it still matches,
// and otherwise moves to the next row that does.
func (m *Model) SetFilter(q string) {
	m.query = q
	needle := appendLower(nil, text.Sanitize(q))
	if bytes.Equal(needle, m.filter.needle) {
		return
	}
	keep := m.selectedIndex()
	m.filter = m.filtered(needle)
	if m.rank != nil { // a scan's result is in index order
		m.sortVisible(m.filter.visible)
	}
	if keep < 0 {
		m.setCursor(0)
		return
	}
	pos, _ := m.positionOf(keep)
	m.setCursor(pos)
}

// filtered returns the result for needle, cheapest source first, and leaves
// in m.history the earlier results that needle extends.
func (m *Model) filtered(needle []byte) filterResult {
	if len(needle) == 0 {
		m.history = m.history[:0]
		return filterResult{visible: m.rows.matching(0, nil, make([]int32, 0, m.rows.len()))}
	}
	cur := m.filter
	if len(cur.needle) > 0 && bytes.Contains(needle, cur.needle) {
		m.pushHistory(cur)
		return filterResult{needle: needle, visible: m.rows.narrow(cur.visible, needle, nil)}
	}
	// Not an extension of the current query: fall back along the history to
	// the longest earlier query that needle still extends.
	for len(m.history) > 0 {
		last := m.history[len(m.history)-1]
		if bytes.Equal(last.needle, needle) {
			m.history = m.history[:len(m.history)-1]
			return last
		}
		if bytes.Contains(needle, last.needle) {
			return filterResult{needle: needle, visible: m.rows.narrow(last.visible, needle, nil)}
		}
		m.history = m.history[:len(m.history)-1]
	}
	return filterResult{needle: needle, visible: m.rows.search(needle, nil)}
}

func (m *Model) pushHistory(r filterResult) {
	if len(m.history) == maxHistory {
		m.history = slices.Delete(m.history, 0, 1)
	}
	m.history = append(m.history, r)
}

// matchNewRows extends the current result and the history with the rows
// added from index from on.
func (m *Model) matchNewRows(from int) {
	m.filter.visible = m.rows.matching(from, m.filter.needle, m.filter.visible)
	for i := range m.history {
		h := &m.history[i]
		h.visible = m.rows.matching(from, h.needle, h.visible)
	}
	if m.sortCol >= 0 { // the new rows go among the old: rank them all
		m.rerank()
	}
}

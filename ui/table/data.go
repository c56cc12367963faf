package table

// SetRows replaces all rows. The filter is applied again, and the cursor
// stays on the row with the same ID when there still is one. When there is
// not, as when a reload's first page replaces the rows, the cursor goes
// back to that row if a later AppendRows brings it, unless the user moves
// the cursor first.
func (m *Model) SetRows(rows []Row) {
	keepID, hadSelection := m.awaited, m.awaited != "" // the row still awaited, not the one the cursor fell on
	if r, ok := m.Selected(); ok && !hadSelection {
		keepID, hadSelection = r.ID, true
	}
	m.rows = newStore()
	m.gen = m.rows.lines.newLayout() // ids are unique only within a cache
	m.history = nil
	m.filter.visible = nil
	m.rank = nil
	m.AppendRows(rows)
	if !hadSelection || !m.SelectID(keepID) {
		m.setCursor(m.cursor)
		m.awaited = keepID
	}
}

// AppendRows adds rows at the end. Only the new rows are sanitised, indexed
// and matched against the filter, so the cost is that of the page. The
// cursor stays on the same row, or goes back to the row SetRows lost when
// it is among these.
func (m *Model) AppendRows(rows []Row) {
	from := m.rows.len()
	for _, r := range rows {
		m.rows.add(r, m.searchIDs)
	}
	m.matchNewRows(from)
	if digits(m.rows.len()) != m.posDigits {
		m.relayout() // the position's room grows by a digit
	}
	m.scrollToCursor()
	if m.awaited != "" {
		if i, ok := m.rows.findID(m.awaited); ok && i >= from {
			m.SelectID(m.awaited)
		}
	}
}

// Len is the number of rows, filtered or not.
func (m Model) Len() int { return m.rows.len() }

// VisibleLen is the number of rows the filter lets through.
func (m Model) VisibleLen() int { return len(m.filter.visible) }

// selectedIndex is the row index under the cursor, or -1.
func (m *Model) selectedIndex() int {
	if m.cursor < len(m.filter.visible) {
		return int(m.filter.visible[m.cursor])
	}
	return -1
}

// ReplaceRow puts r in place of the first row with r.ID and reports whether
// there was one. DeleteRow removes the first row with id. Rows are stored
// to be appended, so both rebuild them (the cost of SetRows): they are for
// rare changes to one row, such as a webhook's. The filter, and the cursor
// on its row, stay as they were.
func (m *Model) ReplaceRow(r Row) bool {
	return m.editRow(r.ID, func(rows []Row, i int) []Row {
		rows[i] = r
		return rows
	})
}

// DeleteRow: see ReplaceRow.
func (m *Model) DeleteRow(id string) bool {
	return m.editRow(id, func(rows []Row, i int) []Row { return append(rows[:i], rows[i+1:]...) })
}

func (m *Model) editRow(id string, edit func(rows []Row, i int) []Row) bool {
	at, ok := m.rows.findID(id)
	if !ok {
		return false
	}
	rows := make([]Row, m.rows.len())
	for i := range rows {
		rows[i] = m.rows.row(i)
	}
	m.SetRows(edit(rows, at))
	return true
}

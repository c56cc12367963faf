package table

// Cursor is the selected row's position among the visible rows.
func (m Model) Cursor() int { return m.cursor }

// Selected returns the row under the cursor, or false when no row is visible.
func (m Model) Selected() (Row, bool) {
	i := m.selectedIndex()
	if i < 0 {
		return Row{}, false
	}
	return m.rows.row(i), true
}

// CellByID returns cell col of the first row with this ID, whether or not
// the filter shows it, without copying the row.
func (m Model) CellByID(id string, col int) (string, bool) {
	i, ok := m.rows.findID(id)
	if !ok {
		return "", false
	}
	cells, _ := m.rows.cells(i)
	return cells.at(col), col < cells.len()
}

// SelectID moves the cursor to the row with this ID. It reports false, and
// leaves the cursor alone, when there is no such row or the filter hides it.
func (m *Model) SelectID(id string) bool {
	m.awaited = ""
	i, ok := m.rows.findID(id)
	if !ok {
		return false
	}
	pos, found := m.positionOf(i)
	if !found {
		return false
	}
	m.setCursor(pos)
	return true
}

// MoveBy moves the cursor n rows down (up when n is negative), stopping at
// the ends, and scrolls just enough to keep it in the window.
func (m *Model) MoveBy(n int) { m.moveTo(m.cursor + n) }

// Top and Bottom move to the first and the last visible row.
func (m *Model) Top()    { m.moveTo(0) }
func (m *Model) Bottom() { m.moveTo(len(m.filter.visible) - 1) }

// PageUp and PageDown move the cursor by one window of rows.
func (m *Model) PageUp()   { m.MoveBy(-max(m.bodyHeight(), 1)) }
func (m *Model) PageDown() { m.MoveBy(max(m.bodyHeight(), 1)) }

// moveTo is a move the user asked for: it also stops SetRows's wait for
// the row it lost.
func (m *Model) moveTo(pos int) {
	m.awaited = ""
	m.setCursor(pos)
}

func (m *Model) setCursor(pos int) {
	m.cursor = max(min(pos, len(m.filter.visible)-1), 0)
	m.scrollToCursor()
}

// scrollToCursor moves the window as little as possible to show the cursor,
// and never leaves blank lines below the last row while rows are above.
func (m *Model) scrollToCursor() {
	h := m.bodyHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if h > 0 && m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(min(m.offset, len(m.filter.visible)-h), 0)
}

// rowAt returns the visible position drawn at screen cell (x, y).
func (m *Model) rowAt(x, y int) (int, bool) {
	x, y = x-m.originX, y-m.originY
	if x < 0 || x >= m.width || y < 1 || y >= m.height {
		return 0, false
	}
	pos := m.offset + y - 1
	return pos, pos < len(m.filter.visible)
}

// columnAt returns the column whose title is drawn at screen cell (x, y).
func (m *Model) columnAt(x, y int) (int, bool) {
	x, y = x-m.originX-gutterWidth, y-m.originY
	if y != 0 || x < 0 {
		return 0, false
	}
	left := 0
	for i, w := range m.widths {
		if w == 0 {
			continue
		}
		if x >= left && x < left+w {
			return i, true
		}
		left += w + len(separator)
	}
	return 0, false
}

package table

// WindowIDs are the IDs of the rows the window shows now, top to bottom:
// what a view reads lazily, row by row, before what scrolled out of sight.
func (m Model) WindowIDs() []string {
	end := min(m.offset+m.bodyHeight(), len(m.filter.visible))
	ids := make([]string, 0, max(end-m.offset, 0))
	for p := m.offset; p < end; p++ {
		ids = append(ids, m.rows.row(int(m.filter.visible[p])).ID)
	}
	return ids
}

package table

import (
	"strings"

	"mps/ui/text"
)

const (
	gutterMark  = "> "
	gutterNone  = "  "
	gutterWidth = 2
	separator   = " "
)

// View draws the header and the rows in the window: exactly Height lines,
// each exactly Width cells wide. Its cost depends on the window, not on the
// number of rows.
func (m Model) View() string {
	if m.height == 0 {
		return ""
	}
	var parts [4]string
	size := len(m.header)
	for line := range m.bodyHeight() {
		parts = m.lineParts(line, parts)
		size += 1 + len(parts[0]) + len(parts[1]) + len(parts[2]) + len(parts[3])
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString(m.header)
	for line := range m.bodyHeight() {
		parts = m.lineParts(line, parts)
		b.WriteByte('\n')
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return b.String()
}

// lineParts returns the pieces of body line n of the window: opening codes,
// gutter, text, closing codes. The pieces are cached strings, so a frame
// only copies them.
func (m *Model) lineParts(n int, parts [4]string) [4]string {
	parts = [4]string{}
	if m.width == 0 {
		return parts
	}
	p := m.offset + n
	switch {
	case p < len(m.filter.visible):
		e := m.rows.at(int(m.filter.visible[p]))
		m.draw(e)
		if p == m.cursor {
			sel := m.styles.selected
			return [4]string{sel.open, m.markOn, e.plain, sel.close}
		}
		return [4]string{"", m.markOff, e.styled, ""}
	case n == 0 && len(m.filter.visible) == 0:
		return [4]string{m.styles.empty.open, m.markOff, text.Fit(m.emptyMessage(), m.bodyWidth()), m.styles.empty.close}
	}
	parts[2] = m.blank
	return parts
}

func (m *Model) emptyMessage() string {
	if m.rows.len() == 0 {
		return m.emptyText
	}
	return "No rows match \u201c" + text.Sanitize(m.query) + "\u201d."
}

// draw fills e's cached lines unless they are current. Both lines are cut
// from one allocation.
func (m *Model) draw(e *entry) {
	if e.gen == m.gen {
		return
	}
	e.gen = m.gen
	styled := m.hasStyle(e.row.Styles)
	var b strings.Builder
	b.Grow(m.lineSize(e.row.Cells, styled))
	m.writeCells(&b, e.row.Cells, nil)
	split := b.Len()
	if styled {
		m.writeCells(&b, e.row.Cells, e.row.Styles)
	}
	both := b.String()
	e.plain, e.styled = both[:split], both[:split]
	if styled {
		e.styled = both[split:]
	}
}

// lineSize is a close upper bound of the bytes writeCells writes, so that
// drawing a row allocates once.
func (m *Model) lineSize(cells []string, styled bool) int {
	n := m.bodyWidth()
	for i, c := range cells {
		if i < len(m.widths) {
			n += min(len(c), 4*m.widths[i]) + len(text.Ellipsis)
		}
	}
	if styled {
		const codesPerCell = 32 // typical open and close codes of a colour
		n = 2*n + codesPerCell*len(m.widths)
	}
	return n
}

func (m *Model) hasStyle(ids []StyleID) bool {
	for _, id := range ids {
		if m.styles.cell(id).open != "" {
			return true
		}
	}
	return false
}

// drawCells draws cells into a new string; see writeCells.
func (m *Model) drawCells(cells []string, ids []StyleID) string {
	var b strings.Builder
	m.writeCells(&b, cells, ids)
	return b.String()
}

// writeCells lays cells out in the columns, cutting and padding each to its
// column's width and the whole to the body width. With ids, each cell's text
// is wrapped in the codes of its style; the padding stays outside them.
func (m *Model) writeCells(b *strings.Builder, cells []string, ids []StyleID) {
	used := 0
	for i, w := range m.widths {
		if w == 0 {
			continue
		}
		if used > 0 {
			b.WriteString(separator)
			used++
		}
		var cell string
		if i < len(cells) {
			cell = cells[i]
		}
		cell = text.Truncate(cell, w)
		cw := text.Width(cell)
		var style sgr
		if i < len(ids) {
			style = m.styles.cell(ids[i])
		}
		b.WriteString(style.open)
		b.WriteString(cell)
		b.WriteString(style.close)
		writeSpaces(b, w-cw)
		used += w
	}
	writeSpaces(b, m.bodyWidth()-used)
}

const spaces = "                                                                "

func writeSpaces(b *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(spaces))
		b.WriteString(spaces[:k])
		n -= k
	}
}

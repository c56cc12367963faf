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
	case p < len(m.visible):
		e := m.rows.at(int(m.visible[p]))
		m.draw(e)
		if p == m.cursor {
			sel := m.styles.selected
			return [4]string{sel.open, m.markOn, e.plain, sel.close}
		}
		return [4]string{"", m.markOff, e.styled, ""}
	case n == 0 && len(m.visible) == 0:
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

// draw fills e's cached lines unless they are current.
func (m *Model) draw(e *entry) {
	if e.gen == m.gen {
		return
	}
	e.gen = m.gen
	e.plain = m.drawCells(e.row.Cells, nil)
	e.styled = e.plain
	if m.hasStyle(e.row.Styles) {
		e.styled = m.drawCells(e.row.Cells, e.row.Styles)
	}
}

func (m *Model) hasStyle(ids []StyleID) bool {
	for _, id := range ids {
		if m.styles.cell(id).open != "" {
			return true
		}
	}
	return false
}

// drawCells lays cells out in the columns, cutting and padding each to its
// column's width and the whole to the body width. With ids, each cell's text
// is wrapped in the codes of its style; the padding stays outside them.
func (m *Model) drawCells(cells []string, ids []StyleID) string {
	var b strings.Builder
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
			cell = text.Truncate(cells[i], w)
		}
		var style sgr
		if i < len(ids) {
			style = m.styles.cell(ids[i])
		}
		b.WriteString(style.wrap(cell))
		cw := text.Width(cell)
		b.WriteString(strings.Repeat(" ", w-cw))
		used += w
	}
	if rest := m.bodyWidth() - used; rest > 0 {
		b.WriteString(strings.Repeat(" ", rest))
	}
	return b.String()
}

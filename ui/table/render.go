package table

import (
	"strconv"
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
// number of rows. Frames are cut from a slab shared by the Model's copies,
// so View allocates only when the slab fills up.
func (m Model) View() string {
	if m.height == 0 {
		return ""
	}
	var parts [4]string
	var posBuf [48]byte
	pos := m.position(posBuf[:0])
	size := len(m.header) + len(pos) + len(m.headerEnd)
	for line := range m.bodyHeight() {
		parts = m.lineParts(line, parts)
		size += 1 + len(parts[0]) + len(parts[1]) + len(parts[2]) + len(parts[3])
	}
	frames := m.frames
	if frames == nil { // a Model not made by New
		frames = &slab{}
	}
	b, start, _ := frames.reserve(size)
	b.WriteString(m.header)
	b.Write(pos)
	b.WriteString(m.headerEnd)
	for line := range m.bodyHeight() {
		parts = m.lineParts(line, parts)
		b.WriteByte('\n')
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return frames.text()[start:]
}

// position appends to dst the row position, right-aligned in the room the
// header left for it.
func (m *Model) position(dst []byte) []byte {
	if m.posRoom == 0 {
		return dst
	}
	var num [40]byte
	n := num[:0]
	if len(m.filter.visible) > 0 {
		n = strconv.AppendInt(n, int64(m.cursor+1), 10)
	} else {
		n = append(n, '0')
	}
	n = append(n, '/')
	n = strconv.AppendInt(n, int64(len(m.filter.visible)), 10)
	dst = appendSpaces(dst, m.posRoom-len(n))
	return append(dst, n...)
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
		plain, styled := m.draw(int(m.filter.visible[p]))
		if p == m.cursor {
			sel := m.styles.selected
			return [4]string{sel.open, m.markOn, plain, sel.close}
		}
		return [4]string{"", m.markOff, styled, ""}
	case n == 0 && len(m.filter.visible) == 0:
		return [4]string{m.styles.empty.open, m.markOff, m.measure.Fit(m.emptyMessage(), m.bodyWidth()), m.styles.empty.close}
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

// draw returns row i's plain and styled lines, drawing them into the line
// cache unless they are there for the current layout. Both lines are written
// together, into a slab that holds many rows' lines.
func (m *Model) draw(i int) (plain, styled string) {
	c := m.rows.lines
	c.use(m.gen)
	e := m.rows.at(i)
	if !c.holds(e.lines) {
		cells, ids := m.rows.cells(i)
		hasStyle := m.hasStyle(ids)
		b, start := c.reserve(m.lineSize(cells, hasStyle))
		var buf [8]cutCell
		cut := m.cutCells(cells, buf[:0], true)
		m.writeCut(b, cut, nil)
		split := b.Len()
		if hasStyle {
			m.writeCut(b, cut, ids)
		}
		e.lines = c.keep(start, split)
	}
	return c.lines(e.lines)
}

// lineSize is a close upper bound of the bytes writeCut writes, so that a
// row's lines fit in the room reserved for them.
func (m *Model) lineSize(cells cellList, styled bool) int {
	n := m.bodyWidth()
	for i := range min(cells.len(), len(m.widths)) {
		n += min(len(cells.at(i)), 4*m.widths[i]) + len(text.Ellipsis)
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

// drawCells draws cells into a new string; see writeCut.
func (m *Model) drawCells(cells cellList, ids []StyleID) string {
	var b strings.Builder
	m.writeCut(&b, m.cutCells(cells, nil, false), ids)
	return b.String()
}

// cutCell is a cell cut to its column, and the cells it takes.
type cutCell struct {
	text  string
	width int
}

// cutCells appends to dst each column's cell cut to the column's width, so
// that a row's plain and styled lines measure its text once. With
// abbreviate, a cell too wide for its column is first given to the
// column's Short.
func (m *Model) cutCells(cells cellList, dst []cutCell, abbreviate bool) []cutCell {
	for i, w := range m.widths {
		cell := cells.at(i)
		if short := m.cols[i].Short; abbreviate && short != nil && w > 0 && m.measure.Width(cell) > w {
			cell = cleanCell(short(cell, w))
		}
		cell = m.measure.Truncate(cell, w)
		dst = append(dst, cutCell{text: cell, width: m.measure.Width(cell)})
	}
	return dst
}

// writeCut lays the cut cells out in the columns, padding each to its
// column's width and the whole to the body width. With ids, each cell's text
// is wrapped in the codes of its style; the padding stays outside them. The
// line is put together on the stack and written to b at once: a row's
// lines are drawn while the user scrolls, and many small writes to b cost
// more than the line.
func (m *Model) writeCut(b *strings.Builder, cut []cutCell, ids []StyleID) {
	var buf [512]byte
	line := buf[:0]
	used := 0
	for i, w := range m.widths {
		if w == 0 {
			continue
		}
		if used > 0 {
			line = append(line, separator...)
			used++
		}
		var style sgr
		if i < len(ids) {
			style = m.styles.cell(ids[i])
		}
		line = append(line, style.open...)
		line = append(line, cut[i].text...)
		line = append(line, style.close...)
		line = appendSpaces(line, w-cut[i].width)
		used += w
	}
	line = appendSpaces(line, m.bodyWidth()-used)
	b.Write(line)
}

const spaces = "                                                                "

func appendSpaces(dst []byte, n int) []byte {
	for n > 0 {
		k := min(n, len(spaces))
		dst = append(dst, spaces[:k]...)
		n -= k
	}
	return dst
}

package cli

import (
	"io"
	"strings"

	"mps/ui/text"
)

// maxCellWidth keeps one long server-supplied value from pushing every
// other column off the screen.
const maxCellWidth = 48

// plainTable prints rows in aligned columns, or as CSV. Cells are sanitized and
// kept whole; the aligned table cuts all but the last column to maxCell
// when it writes them. Widths are measured in terminal cells, so names in
// any script line up.
type plainTable struct {
	header   []string
	noHeader bool                                     // for label/value lists
	maxCell  int                                      // the aligned table cuts cells to this many cells; 0 means no limit
	rows     [][]string                               // sanitized, never cut
	paint    map[int]func(cell, padded string) string // per column; colours a padded cell
}

func newPlainTable(header ...string) *plainTable {
	return &plainTable{header: header, maxCell: maxCellWidth, paint: map[int]func(string, string) string{}}
}

func (t *plainTable) add(cells ...string) {
	row := make([]string, len(t.header))
	for i := range row {
		if i < len(cells) {
			row[i] = text.Sanitize(cells[i])
		}
	}
	t.rows = append(t.rows, row)
}

// shown is row as the aligned table shows it, all but its last cell cut.
func (t *plainTable) shown(row []string) []string {
	if t.maxCell <= 0 {
		return row
	}
	out := make([]string, len(row))
	for i, cell := range row {
		if i < len(row)-1 {
			cell = text.Truncate(cell, t.maxCell)
		}
		out[i] = cell
	}
	return out
}

func (t *plainTable) write(w io.Writer) error {
	widths := make([]int, len(t.header))
	rows := make([][]string, len(t.rows))
	for i, row := range t.rows {
		rows[i] = t.shown(row)
	}
	all := rows
	if !t.noHeader {
		all = append([][]string{t.header}, rows...)
	}
	for _, row := range all {
		for i, cell := range row {
			widths[i] = max(widths[i], text.Width(cell))
		}
	}
	var b strings.Builder
	writeRow := func(row []string, painted bool) {
		var line strings.Builder
		for i, cell := range row {
			last := i == len(row)-1
			padded := cell
			if !last {
				padded = text.PadRight(cell, widths[i])
			}
			if paint := t.paint[i]; painted && paint != nil && cell != "" {
				padded = paint(cell, padded)
			}
			line.WriteString(padded)
			if !last {
				line.WriteString("  ")
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
	if !t.noHeader {
		writeRow(t.header, false)
	}
	for _, row := range rows {
		writeRow(row, true)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// newFields is a two-column label/value list without a header.
func newFields() *plainTable {
	t := newPlainTable("", "")
	t.noHeader = true
	t.maxCell = 0
	return t
}

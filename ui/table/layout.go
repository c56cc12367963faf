package table

// Column describes one column. A column with a Width is fixed at that many
// cells. A column with Width 0 is flexible: it gets at least MinWidth cells,
// and the spare width is shared between flexible columns in proportion to
// Flex (0 counts as 1). Columns are separated by one space, and a two-cell
// gutter on the left marks the selected row. When the table is too narrow,
// columns on the right are cut and then dropped.
type Column struct {
	Title    string
	Width    int
	MinWidth int
	Flex     int
}

// layoutWidths returns each column's width for a body of the given width.
// The widths plus one separator between shown columns never exceed it.
func layoutWidths(cols []Column, body int) []int {
	widths := make([]int, len(cols))
	spare := body - max(len(cols)-1, 0)
	weights := 0
	for i, c := range cols {
		if c.Width > 0 {
			widths[i] = c.Width
		} else {
			widths[i] = max(c.MinWidth, 0)
			weights += flexOf(c)
		}
		spare -= widths[i]
	}
	if spare > 0 && weights > 0 {
		shareSpare(cols, widths, spare, weights)
	}
	return clipToWidth(widths, body)
}

func flexOf(c Column) int { return max(c.Flex, 1) }

// shareSpare hands spare cells to the flexible columns by weight, giving the
// rounding remainder to the leftmost ones.
func shareSpare(cols []Column, widths []int, spare, weights int) {
	given := 0
	for i, c := range cols {
		if c.Width <= 0 {
			add := spare * flexOf(c) / weights
			widths[i] += add
			given += add
		}
	}
	for i, c := range cols {
		if given >= spare {
			break
		}
		if c.Width <= 0 {
			widths[i]++
			given++
		}
	}
}

func clipToWidth(widths []int, body int) []int {
	used := 0
	for i, w := range widths {
		room := body - used
		if i > 0 && used > 0 {
			room-- // the separator
		}
		w = min(w, max(room, 0))
		widths[i] = w
		if w > 0 {
			if used > 0 {
				used++
			}
			used += w
		}
	}
	return widths
}

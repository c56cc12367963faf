package table

// Column describes one column. A column with a Width is fixed at that many
// cells, or fewer down to a smaller MinWidth when the table is narrow. A
// column with Width 0 is flexible: it gets at least MinWidth cells, and the
// spare width is shared between flexible columns in proportion to Flex (0
// counts as 1). Columns are separated by one space, and a two-cell gutter on
// the left marks the selected row.
//
// When the columns do not fit at their minimums, those with a Priority give
// way, the highest Priority first (the rightmost among equals); columns of
// Priority 0 stay, and what still does not fit is cut on the right. A less
// important column also gives way when that lets the most important fixed
// column shrunk below its Width have it back. Spare
// cells go first to the fixed columns shrunk below their Width, lowest
// Priority first, then to the flexible ones.
type Column struct {
	Title    string
	Width    int
	MinWidth int
	Flex     int
	Priority int
	// Short, when set, gives the text to show for a cell wider than its
	// column (width cells): an abbreviation that keeps what the cut would
	// lose. What it returns is cut again if it is still too wide.
	Short func(cell string, width int) string
}

// minWidth is the fewest cells the column takes while shown.
func (c Column) minWidth() int {
	if c.Width > 0 && c.MinWidth > 0 && c.MinWidth < c.Width {
		return c.MinWidth
	}
	if c.Width > 0 {
		return c.Width
	}
	return max(c.MinWidth, 0)
}

// layoutWidths returns each column's width for a body of the given width, 0
// for a column that gave way. The widths plus one separator between shown
// columns never exceed it.
func layoutWidths(cols []Column, body int) []int {
	widths := make([]int, len(cols))
	shown := make([]bool, len(cols))
	for i := range cols {
		shown[i] = true
	}
	for needed(cols, shown) > body {
		i := leastImportant(cols, shown)
		if i < 0 {
			break
		}
		shown[i] = false
	}
	// The most important column shrunk below its Width rather gets it than
	// shares the row with a less important one.
	for needed(cols, shown)+shrunkNeed(cols, shown, len(cols)) > body {
		i := leastImportant(cols, shown)
		if i < 0 || shrunkNeed(cols, shown, i) == 0 {
			break
		}
		shown[i] = false
		if needed(cols, shown)+shrunkNeed(cols, shown, i) > body {
			shown[i] = true
			break
		}
	}
	spare := body - separators(shown)
	weights := 0
	for i, c := range cols {
		if !shown[i] {
			continue
		}
		widths[i] = c.minWidth()
		spare -= widths[i]
		if c.Width <= 0 {
			weights += flexOf(c)
		}
	}
	spare = growFixed(cols, widths, spare)
	if spare > 0 && weights > 0 {
		shareSpare(cols, shown, widths, spare, weights)
	}
	return clipToWidth(widths, body)
}

func separators(shown []bool) int {
	n := 0
	for _, s := range shown {
		if s {
			n++
		}
	}
	return max(n-1, 0)
}

// needed is the width of the shown columns at their minimums.
func needed(cols []Column, shown []bool) int {
	n := separators(shown)
	for i, c := range cols {
		if shown[i] {
			n += c.minWidth()
		}
	}
	return n
}

// shrunkNeed is how many cells the most important shown fixed column that
// is shrunk below its Width lacks, among those more important than column
// than (any, when than is past the last); 0 when none is shrunk.
func shrunkNeed(cols []Column, shown []bool, than int) int {
	at := -1
	for i, c := range cols {
		if shown[i] && i != than && c.Width > c.minWidth() && (than >= len(cols) || c.Priority < cols[than].Priority) {
			if at < 0 || c.Priority < cols[at].Priority {
				at = i
			}
		}
	}
	if at < 0 {
		return 0
	}
	return cols[at].Width - cols[at].minWidth()
}

// leastImportant is the shown column to drop next, or -1 when none may go.
func leastImportant(cols []Column, shown []bool) int {
	at, prio := -1, 0
	for i, c := range cols {
		if shown[i] && c.Priority > 0 && c.Priority >= prio {
			at, prio = i, c.Priority
		}
	}
	return at
}

// growFixed widens the shrunk fixed columns towards their Width, the most
// important first, and returns the spare left.
func growFixed(cols []Column, widths []int, spare int) int {
	for spare > 0 {
		at := -1
		for i, c := range cols {
			if widths[i] > 0 && c.Width > widths[i] && (at < 0 || c.Priority < cols[at].Priority) {
				at = i
			}
		}
		if at < 0 {
			break
		}
		add := min(cols[at].Width-widths[at], spare)
		widths[at] += add
		spare -= add
	}
	return spare
}

func flexOf(c Column) int { return max(c.Flex, 1) }

// shareSpare hands spare cells to the shown flexible columns by weight,
// giving the rounding remainder to the leftmost ones.
func shareSpare(cols []Column, shown []bool, widths []int, spare, weights int) {
	given := 0
	flexible := func(i int) bool { return shown[i] && cols[i].Width <= 0 }
	for i, c := range cols {
		if flexible(i) {
			add := spare * flexOf(c) / weights
			widths[i] += add
			given += add
		}
	}
	for i := range cols {
		if given >= spare {
			break
		}
		if flexible(i) {
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

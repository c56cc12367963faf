package table

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"mps/ui/text"
)

// Model is the table. Make one with New.
type Model struct {
	cols    []Column
	titles  []string
	widths  []int // per column, from layoutWidths
	rows    store
	filter  filterResult   // what is shown
	history []filterResult // results of the queries filter extends, oldest first
	query   string
	// sortCol is the column the rows are sorted by, -1 for the order they
	// were added in; rank is each row's place in that sort (nil unsorted).
	sortCol  int
	sortDesc bool
	rank     []int32

	cursor int // position in filter.visible of the selected row
	offset int // position in filter.visible of the first row in the window
	// awaited is the ID of the row that was selected when SetRows replaced
	// the rows without it: a reload arrives a page at a time, and when the
	// row comes back in a later page the cursor goes back to it, unless the
	// user has moved the cursor since. "" when no row is awaited.
	awaited string

	width, height int
	originX       int
	originY       int

	styles    palette
	keys      KeyMap
	emptyText string
	searchIDs bool // the filter matches row IDs too; see WithIDSearch
	// isSection names the rows that head a section (WithSections): a sort
	// orders the rows within each section and leaves the sections and
	// their headings where they are.
	isSection func(id string) bool
	measure   text.Measure // how cells are cut and padded; see SetWidthMethod

	gen    uint32 // a new id whenever cached row lines go stale; see lineCache
	frames *slab  // where View writes frames, shared by copies
	header string // the header line, styled, up to the row position
	// headerEnd closes the header's style after the row position
	headerEnd string
	showPos   bool // see WithPosition
	// posRoom is the cells the header leaves for the row position, 0 when
	// it shows none; posDigits the digits of the row count it is made for
	posRoom, posDigits int
	blank              string // an empty body line
	// the gutter as wide as the table allows, for selected and other rows
	markOn, markOff string
}

// Option configures New.
type Option func(*Model)

// WithStyles sets the styles; without it the table uses DefaultStyles.
func WithStyles(s Styles) Option { return func(m *Model) { m.styles = newPalette(s) } }

// WithKeyMap sets the movement keys; without it the table answers to none.
func WithKeyMap(k KeyMap) Option { return func(m *Model) { m.keys = k } }

// WithPosition shows in the header's right end the selected row's position
// among the visible rows and their number ("38/146").
func WithPosition() Option { return func(m *Model) { m.showPos = true } }

// WithIDSearch makes the filter match each row's ID as well as its cells,
// for a table whose rows are named by an ID it does not show.
func WithIDSearch() Option { return func(m *Model) { m.searchIDs = true } }

// WithSections makes the rows whose ID isSection accepts head sections: the
// rows after one, up to the next, are its section. Sorting orders the rows
// within each section; the sections keep their order and their headings
// stay first.
func WithSections(isSection func(id string) bool) Option {
	return func(m *Model) { m.isSection = isSection }
}

// WithEmptyText sets the line shown when the table has no rows.
func WithEmptyText(s string) Option { return func(m *Model) { m.emptyText = text.Sanitize(s) } }

// New returns an empty table with the given columns and a size of 0x0; call
// SetSize before the first View.
func New(cols []Column, opts ...Option) Model {
	m := Model{
		rows:      newStore(),
		frames:    &slab{},
		styles:    newPalette(DefaultStyles()),
		emptyText: "Nothing to show.",
		sortCol:   -1,
	}
	for _, o := range opts {
		o(&m)
	}
	m.SetColumns(cols)
	return m
}

// SetColumns replaces the columns, keeping the rows.
func (m *Model) SetColumns(cols []Column) {
	m.cols = slices.Clone(cols)
	m.titles = make([]string, len(cols))
	for i, c := range cols {
		m.titles[i] = cleanCell(c.Title)
	}
	m.relayout()
}

// SetStyles replaces the styles.
func (m *Model) SetStyles(s Styles) {
	m.styles = newPalette(s)
	m.relayout()
}

// SetEmptyText sets the line shown when the table has no rows.
func (m *Model) SetEmptyText(s string) { m.emptyText = text.Sanitize(s) }

// SetSize sets the table's size in cells, header included: View returns
// exactly h lines of exactly w cells.
func (m *Model) SetSize(w, h int) {
	w, h = max(w, 0), max(h, 0)
	widthChanged := w != m.width
	m.width, m.height = w, h
	if widthChanged {
		m.relayout()
	}
	m.scrollToCursor()
}

// SetWidthMethod sets how cell text is measured when it is cut and padded:
// it must be the method the renderer uses (ansi.WcWidth, the zero value,
// until the terminal reports grapheme clustering), or rows with text the
// methods disagree on come out wider or narrower than the table. Changing
// it draws every row again.
func (m *Model) SetWidthMethod(method ansi.Method) {
	if method == m.measure.Method {
		return
	}
	m.measure.Method = method
	m.relayout()
}

// SetOrigin tells the table where its top-left cell is on the screen, so a
// mouse click can be mapped to a row.
func (m *Model) SetOrigin(x, y int) { m.originX, m.originY = x, y }

// Width and Height return the size set by SetSize.
func (m Model) Width() int  { return m.width }
func (m Model) Height() int { return m.height }

// KeyMap returns the bindings Update handles, for help views.
func (m Model) KeyMap() KeyMap { return m.keys }

// relayout recomputes the column widths and the header, and drops every
// cached row line.
func (m *Model) relayout() {
	if m.rows.lines != nil { // nil in a Model not made by New
		m.gen = m.rows.lines.newLayout()
		m.rows.lines.use(m.gen)
	}
	m.posDigits = digits(m.rows.len())
	m.posRoom = 0
	m.widths = layoutWidths(m.cols, m.bodyWidth())
	if room := 2*m.posDigits + 2; m.showPos && m.width > room+gutterWidth {
		m.posRoom = room
		// The position takes the header's right end. Where the titles
		// reach into it, the columns are laid out in what is left, so
		// that no title is cut for the position.
		// A column is worth more than a whole title: when the narrower
		// layout would drop one, the last title is cut short instead.
		if m.measure.Width(strings.TrimRight(m.titleLine(), " ")) > m.width-room-1 {
			if narrower := layoutWidths(m.cols, m.bodyWidth()-room); shown(narrower) == shown(m.widths) {
				m.widths = narrower
			}
		}
	}
	m.blank = strings.Repeat(" ", m.width)
	g := min(m.width, gutterWidth)
	m.markOn, m.markOff = gutterMark[:g], gutterNone[:g]
	m.drawHeader()
}

// drawHeader draws the header line; the columns leave room on its right
// for the row position (see WithPosition) for as many rows as the table
// holds.
func (m *Model) drawHeader() {
	if m.width == 0 {
		m.header, m.headerEnd = "", ""
		return
	}
	titles := m.titleLine()
	if m.posRoom > 0 {
		titles = strings.TrimRight(titles, " ")
		if m.measure.Width(titles) > m.width-m.posRoom-1 {
			titles = m.measure.Truncate(titles, m.width-m.posRoom-1)
		}
		titles = m.measure.Fit(titles, m.width-m.posRoom)
	}
	m.header = m.styles.header.open + titles
	m.headerEnd = m.styles.header.close
}

// shown counts the columns a layout gives room to.
func shown(widths []int) int {
	n := 0
	for _, w := range widths {
		if w > 0 {
			n++
		}
	}
	return n
}

// titleLine is the titles laid out in the columns' widths.
func (m *Model) titleLine() string {
	return m.markOff + m.drawCells(cellsOf(m.sortedTitles()), nil)
}

// sortedTitles are the titles with the sorting column's direction marked.
func (m *Model) sortedTitles() []string {
	if m.sortCol < 0 || m.sortCol >= len(m.titles) {
		return m.titles
	}
	titles := slices.Clone(m.titles)
	titles[m.sortCol] += sortMark(m.sortDesc)
	return titles
}

// digits is how many decimal digits n has.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// bodyWidth is the width right of the gutter.
func (m *Model) bodyWidth() int { return max(m.width-gutterWidth, 0) }

func (m *Model) bodyHeight() int { return max(m.height-1, 0) }

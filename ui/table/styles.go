package table

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// StyleID picks one of Styles.Cells for a cell. 0 means unstyled.
type StyleID uint8

// Styles colour the table. Only colours and text attributes are used: each
// style is rendered once to the escape codes it opens and closes with, and
// those are put around cell text directly. The zero Styles draws no escape
// codes at all, which is what NO_COLOR asks for; the selected row is still
// marked by a ">" in the gutter.
type Styles struct {
	Header   lipgloss.Style
	Selected lipgloss.Style
	Empty    lipgloss.Style
	// Cells is indexed by StyleID; Cells[0] is never applied.
	Cells []lipgloss.Style
}

// DefaultStyles is a bold header, a reverse-video selection and a faint
// empty-state line, with no cell styles.
func DefaultStyles() Styles {
	return Styles{
		Header:   lipgloss.NewStyle().Bold(true),
		Selected: lipgloss.NewStyle().Reverse(true),
		Empty:    lipgloss.NewStyle().Faint(true),
	}
}

// sgr is a style reduced to the escape codes around its text.
type sgr struct{ open, close string }

func (s sgr) wrap(text string) string {
	if s.open == "" {
		return text
	}
	return s.open + text + s.close
}

type palette struct {
	header, selected, empty sgr
	cells                   []sgr
}

func newPalette(s Styles) palette {
	p := palette{
		header:   toSGR(s.Header),
		selected: toSGR(s.Selected),
		empty:    toSGR(s.Empty),
		cells:    make([]sgr, len(s.Cells)),
	}
	for i, st := range s.Cells {
		if i > 0 {
			p.cells[i] = toSGR(st)
		}
	}
	return p
}

// cell returns the codes for id, or none for an id outside the palette.
func (p palette) cell(id StyleID) sgr {
	if int(id) < len(p.cells) {
		return p.cells[id]
	}
	return sgr{}
}

func toSGR(st lipgloss.Style) sgr {
	const probe = "X" // escape codes never contain it
	r := st.Render(probe)
	i := strings.Index(r, probe)
	if i < 0 {
		return sgr{}
	}
	return sgr{open: r[:i], close: r[i+len(probe):]}
}

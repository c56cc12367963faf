package text

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Ellipsis marks text cut by Truncate.
const Ellipsis = "…"

// Measure measures and cuts text in terminal cells the way one width method
// counts them. The method must be the one the terminal (and the Bubble Tea
// renderer, which splits a frame into cells) uses: ansi.WcWidth sums the
// widths of the code points, as terminals without grapheme clustering (mode
// 2027) advance the cursor; ansi.GraphemeWidth measures whole grapheme
// clusters. The two disagree on some text (Devanagari vowel signs, ZWJ emoji
// sequences, variation selectors), and padding computed with the other
// method shifts the columns after it. The zero Measure uses ansi.WcWidth.
type Measure struct {
	Method ansi.Method
}

// Width returns the display width of s in cells: wide East Asian characters
// and emoji count 2, combining marks 0. ANSI escape sequences count 0.
func (m Measure) Width(s string) int {
	if isPrintableASCII(s) {
		return len(s)
	}
	return m.Method.StringWidth(s)
}

// Truncate cuts s to at most width cells, ending it with an ellipsis when
// anything was cut. A wide character never straddles the limit, so the result
// may be one cell narrower than width. It walks s only until it is known to
// overflow, so a 10,000-character name costs no more than a short one. Escape
// sequences count no cells; those in the part cut off are kept after the
// ellipsis, so a style opened before the cut is still closed.
func (m Measure) Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if isPrintableASCII(s) {
		if len(s) <= width {
			return s
		}
		return s[:width-1] + Ellipsis
	}
	keep, used := 0, 0 // keep: bytes that fit together with the ellipsis
	for i := 0; i < len(s); {
		n, w := m.next(s[i:])
		if n == 0 {
			break
		}
		used += w
		if used > width {
			return s[:keep] + Ellipsis + escapes(s[keep:])
		}
		i += n
		if used <= width-1 {
			keep = i
		}
	}
	return s
}

// next returns the length in bytes and the width of the escape sequence or
// grapheme cluster that s starts with. Clusters start at any byte, ASCII
// included, as ansi.StringWidth segments them.
func (m Measure) next(s string) (n, width int) {
	if s[0] == esc {
		return escapeLen(s), 0
	}
	cluster, width := ansi.FirstGraphemeCluster(s, m.Method)
	return len(cluster), width
}

// escapes returns the escape sequences in s, in order, without the text.
func escapes(s string) string {
	i := strings.IndexByte(s, esc)
	if i < 0 {
		return ""
	}
	var b strings.Builder
	for i < len(s) {
		n := escapeLen(s[i:])
		b.WriteString(s[i : i+n])
		next := strings.IndexByte(s[i+n:], esc)
		if next < 0 {
			break
		}
		i += n + next
	}
	return b.String()
}

// escapeLen is the length of the escape sequence s starts with.
func escapeLen(s string) int {
	_, _, n, _ := ansi.DecodeSequence(s, ansi.NormalState, nil)
	return n
}

// PadRight appends spaces to s until it is width cells wide. A wider s is
// returned unchanged; use Fit to get exactly width cells.
func (m Measure) PadRight(s string, width int) string {
	gap := width - m.Width(s)
	if gap <= 0 {
		return s
	}
	return s + strings.Repeat(" ", gap)
}

// Fit returns s truncated and padded to exactly width cells.
func (m Measure) Fit(s string, width int) string {
	return m.PadRight(m.Truncate(s, width), width)
}

// Wrap breaks s into lines of at most width cells, at spaces and hyphens
// where it can, and pads each line to width, as a lipgloss style of that
// Width does with plain text. A cluster wider than width stays whole.
func (m Measure) Wrap(s string, width int) string {
	lines := strings.Split(m.Method.Wrap(s, width, ""), "\n")
	for i, l := range lines {
		lines[i] = m.PadRight(l, width)
	}
	return strings.Join(lines, "\n")
}

// WrapAfter is prefix followed by s wrapped to the width right of it, each
// line after the first indented by the prefix's width, so that a list
// item's wrapped text stays under its start instead of at column 0. Lines
// are padded to width as Wrap pads them.
func (m Measure) WrapAfter(prefix, s string, width int) string {
	indent := m.Width(prefix)
	if indent >= width {
		return m.Wrap(prefix+s, width)
	}
	lines := strings.Split(m.Method.Wrap(s, width-indent, ""), "\n")
	pad := strings.Repeat(" ", indent)
	for i, l := range lines {
		lead := pad
		if i == 0 {
			lead = prefix
		}
		lines[i] = m.PadRight(lead+l, width)
	}
	return strings.Join(lines, "\n")
}

// Graphemes measures whole grapheme clusters, as lipgloss does. It suits
// output that no Bubble Tea renderer lays out, such as the command line's.
func Graphemes() Measure { return Measure{Method: ansi.GraphemeWidth} }

// Width is Graphemes().Width.
func Width(s string) int { return Graphemes().Width(s) }

// Truncate is Graphemes().Truncate.
func Truncate(s string, width int) string { return Graphemes().Truncate(s, width) }

// PadRight is Graphemes().PadRight.
func PadRight(s string, width int) string { return Graphemes().PadRight(s, width) }

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

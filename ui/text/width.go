package text

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Ellipsis marks text cut by Truncate.
const Ellipsis = "…"

// Width returns the display width of s in terminal cells: wide East Asian
// characters and emoji count 2, combining marks 0. It measures the same way
// lipgloss and the Bubble Tea renderer do, and ignores ANSI escape sequences.
func Width(s string) int {
	if isPrintableASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// Truncate cuts s to at most width cells, ending it with an ellipsis when
// anything was cut. A wide character never straddles the limit, so the result
// may be one cell narrower than width. Plain text (as Sanitize returns it) is
// cut in time proportional to width, however long s is; text carrying escape
// sequences is handled too, keeping them intact.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if isPrintableASCII(s) {
		if len(s) <= width {
			return s
		}
		return s[:width-1] + Ellipsis
	}
	if strings.IndexByte(s, esc) >= 0 {
		return ansi.Truncate(s, width, Ellipsis)
	}
	return truncateGraphemes(s, width)
}

// truncateGraphemes walks grapheme clusters only until the text is known to
// overflow, so a 10,000-character name costs no more than a short one.
func truncateGraphemes(s string, width int) string {
	keep, used := 0, 0 // keep: bytes that fit together with the ellipsis
	for i := 0; i < len(s); {
		cluster, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			break
		}
		used += w
		if used > width {
			return s[:keep] + Ellipsis
		}
		i += len(cluster)
		if used <= width-1 {
			keep = i
		}
	}
	return s
}

// PadRight appends spaces to s until it is width cells wide. A wider s is
// returned unchanged; use Fit to get exactly width cells.
func PadRight(s string, width int) string {
	gap := width - Width(s)
	if gap <= 0 {
		return s
	}
	return s + strings.Repeat(" ", gap)
}

// Fit returns s truncated and padded to exactly width cells.
func Fit(s string, width int) string {
	return PadRight(Truncate(s, width), width)
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Detach drops the characters at the edges of s that would join the text
// drawn next to it under grapheme clustering (Unicode UAX #29): at the start,
// marks and modifiers that attach to the character before s; at the end,
// prepend characters that attach to the one after. A cell measured on its
// own would otherwise take more or fewer cells on the screen than it
// measured, so text laid out piece by piece (table cells) is detached first.
// What is dropped has no base inside s to show on. A clean s comes back
// unchanged, without allocating.
func Detach(s string) string {
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !mayJoinBefore(r) || !oneCluster(" ", s[:size]) {
			break
		}
		s = s[size:]
	}
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !mayJoinAfter(r) || !oneCluster(s[len(s)-size:], " ") {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// mayJoinBefore and mayJoinAfter rule out, without segmenting (which
// allocates), the runes that cannot join a space before or after them:
// below U+0300, the first combining mark, and the letters, but for the few
// that UAX #29 counts as extending or spacing marks, or as prepended. The
// exhaustive test in detach_test.go checks them against the segmenter.
func mayJoinBefore(r rune) bool {
	if r < 0x300 {
		return false
	}
	switch r {
	case 0x0e33, 0x0eb3, 0xff9e, 0xff9f:
		return true
	}
	return !unicode.IsLetter(r)
}

func mayJoinAfter(r rune) bool {
	if r < 0x300 || unicode.IsDigit(r) {
		return false
	}
	return r == 0x0d4e || r >= 0x11000 || !unicode.IsLetter(r)
}

// oneCluster reports whether the runes a and b form a single grapheme
// cluster, as the segmenter behind ansi.GraphemeWidth sees it.
func oneCluster(a, b string) bool {
	var buf [2 * utf8.UTFMax]byte
	n := copy(buf[:], a)
	n += copy(buf[n:], b)
	cluster, _ := ansi.FirstGraphemeCluster(buf[:n], ansi.GraphemeWidth)
	return len(cluster) == n
}

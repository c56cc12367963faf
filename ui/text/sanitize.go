// Package text makes server-supplied text safe and measurable for a terminal.
package text

import (
	"strings"
	"unicode/utf8"
)

const (
	esc         = 0x1b
	bel         = 0x07
	replacement = "\uFFFD"
)

// Sanitize returns s made inert for a terminal:
//   - escape sequences (CSI, OSC, DCS, SOS, PM, APC, and the short ESC forms,
//     in both their 7-bit and UTF-8-encoded C1 spellings) are removed whole;
//   - tab, newline, carriage return and the other line breaks become a space,
//     so a value stays on one line and cannot overwrite what was drawn;
//   - every other C0 and C1 control character and DEL is removed;
//   - bidirectional embedding, override, isolate and mark characters are
//     removed, so right-to-left text cannot reorder the rest of the line;
//   - zero-width spaces and joiners without a place in text (U+200B,
//     U+2060 to U+2064, U+FEFF) are removed: terminals and width tables
//     disagree on them (0 or 1 cell), which shifts the columns after them.
//     ZWJ and ZWNJ stay: emoji sequences and several scripts need them;
//   - each run of invalid UTF-8 bytes becomes one U+FFFD.
//
// Ordinary text in any script, combining marks and emoji are kept. When s is
// already clean it is returned unchanged without allocating.
func Sanitize(s string) string {
	i := firstUnsafe(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	writeSanitized(&b, s[i:])
	return b.String()
}

// firstUnsafe returns the byte offset of the first byte Sanitize would change,
// or len(s) when there is none.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isUnsafeRune(r) {
			return i
		}
		i += size
	}
	return len(s)
}

func isUnsafeRune(r rune) bool {
	return isC1(r) || isBidiControl(r) || isLineBreak(r) || isStrayZeroWidth(r)
}

// Invisible reports the code points a terminal acts on or draws as nothing
// although they change what a line means: C1 controls, bidirectional
// controls, non-ASCII line breaks and zero-width characters (ZWJ and ZWNJ
// included). Output that keeps text exact, such as --json, spells them as
// escapes instead of writing them.
func Invisible(r rune) bool {
	return isUnsafeRune(r) || r == 0x200c || r == 0x200d
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// isBidiControl reports the explicit directional formatting characters of the
// Unicode bidirectional algorithm (UAX #9): marks, embeddings, overrides and
// isolates.
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// isStrayZeroWidth reports the zero-width spaces and word joiners, and the
// byte order mark, which has no place inside a value.
func isStrayZeroWidth(r rune) bool {
	return r == 0x200b || (r >= 0x2060 && r <= 0x2064) || r == 0xfeff
}

// isLineBreak reports the non-ASCII line and paragraph separators.
func isLineBreak(r rune) bool { return r == 0x85 || r == 0x2028 || r == 0x2029 }

func isASCIISpaceControl(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func writeSanitized(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == esc:
				i = skipEscape(s, i+1)
				continue
			case isASCIISpaceControl(c):
				b.WriteByte(' ')
			case c >= 0x20 && c != 0x7f:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(replacement)
			i = skipInvalid(s, i+1)
			continue
		}
		next := i + size
		switch {
		case r == 0x9b: // C1 CSI
			next = skipCSI(s, next)
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // C1 DCS, SOS, OSC, PM, APC
			next = skipControlString(s, next)
		case isLineBreak(r):
			b.WriteByte(' ')
		case isC1(r) || isBidiControl(r) || isStrayZeroWidth(r):
		default:
			b.WriteString(s[i:next])
		}
		i = next
	}
}

// skipInvalid returns the offset after the run of invalid UTF-8 starting at i.
func skipInvalid(s string, i int) int {
	for i < len(s) && s[i] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size != 1 {
			break
		}
		i++
	}
	return i
}

// skipEscape returns the offset after the escape sequence whose ESC was just
// before i. A lone ESC followed by something that cannot continue a sequence
// is dropped by itself.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipControlString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // nF: intermediates then one final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e:
		return i + 1
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte. A
// sequence broken by any other byte ends there, as it does in a terminal.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipControlString skips the body of an OSC, DCS, SOS, PM or APC string up
// to and including its terminator: BEL, ESC \ or the C1 ST. Any other ESC
// ends the string and starts a new sequence. An unterminated string runs to
// the end of s, as a terminal would swallow it.
func skipControlString(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case bel:
			return i + 1
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c {
				return i + 2
			}
		}
		i++
	}
	return i
}

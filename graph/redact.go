package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const redacted = "[redacted]"

// redactToken removes every occurrence of token from s. Graph sometimes
// echoes a malformed token back in its message.
func redactToken(s, token string) string {
	if token == "" || len(token) < 4 {
		return s
	}
	return strings.ReplaceAll(s, token, redacted)
}

// scrubTokens is the defensive second line: it hides anything shaped like a
// Meta access token (EAA followed by a long run of token characters), even
// when the client no longer knows which token it used.
func scrubTokens(s string) string {
	if !strings.Contains(s, "EAA") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "EAA")
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+j])
		start := i + j
		end := start + 3
		for end < len(s) && isTokenChar(s[end]) {
			end++
		}
		if end-start >= 20 {
			b.WriteString(redacted)
		} else {
			b.WriteString(s[start:end])
		}
		i = end
	}
	return b.String()
}

func isTokenChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// sanitize makes server or user text inert on a terminal: control and
// bidi-control characters become spaces; strings.Map turns invalid UTF-8
// into U+FFFD.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n]) + "…"
}

// clean is what every server-provided string goes through before it is put
// in an error message.
func clean(s string) string {
	return shorten(scrubTokens(sanitize(s)), 500)
}

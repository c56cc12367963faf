package postgres

import (
	"strings"
	"unicode/utf8"
)

// Text is s as PostgreSQL's text type takes it: valid UTF-8 without NUL,
// each byte it refuses replaced by U+FFFD. A webhook field holding
// "\u0000" would otherwise fail its INSERT on every redelivery.
func Text(s string) string {
	if strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", "\uFFFD"), "\uFFFD")
}

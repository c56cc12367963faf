package postgres

import (
	"strconv"
	"strings"
)

// Rebind turns the `?` placeholders of a statement written for SQLite into
// PostgreSQL's $1, $2, ...; a `?` inside a quoted string or identifier is
// left as it is.
func Rebind(stmt string) string {
	if !strings.Contains(stmt, "?") {
		return stmt
	}
	var b strings.Builder
	b.Grow(len(stmt) + 8)
	n := 0
	var quote byte // the quote we are inside of, or 0
	for i := 0; i < len(stmt); i++ {
		c := stmt[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0 // a doubled quote re-enters at once: same result
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

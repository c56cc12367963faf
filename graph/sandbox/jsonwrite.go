package sandbox

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// appendJSON writes v as JSON. It knows the handful of shapes the sandbox
// renders and writes them in one pass (nested json.Marshaler calls would
// re-scan every level); anything else goes through encoding/json.
func appendJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case object:
		return appendList(b, '{', '}', len(x), func(b []byte, i int) ([]byte, error) {
			b = append(appendString(b, x[i].key), ':')
			return appendJSON(b, x[i].val)
		})
	case []any:
		return appendList(b, '[', ']', len(x), func(b []byte, i int) ([]byte, error) { return appendJSON(b, x[i]) })
	case []string:
		return appendList(b, '[', ']', len(x), func(b []byte, i int) ([]byte, error) { return appendString(b, x[i]), nil })
	case string:
		return appendString(b, x), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	}
	raw, err := json.Marshal(v)
	return append(b, raw...), err
}

// appendList writes n comma-separated items between open and close.
func appendList(b []byte, open, close byte, n int, item func([]byte, int) ([]byte, error)) ([]byte, error) {
	b = append(b, open)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = item(b, i); err != nil {
			return nil, err
		}
	}
	return append(b, close), nil
}

// appendString writes s as a JSON string, as encoding/json would without
// HTML escaping: control characters escaped, invalid UTF-8 replaced.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\b':
				b = append(b, '\\', 'b')
			case c == '\f':
				b = append(b, '\\', 'f')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

package webhook

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// latestUnix is 9999-12-31T23:59:59Z; later "times" are treated as unreadable.
const latestUnix = 253402300799

// isAbsent reports whether a member is missing or null.
func isAbsent(raw json.RawMessage) bool {
	trimmed := bytes.TrimSpace(raw)
	return len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null"))
}

// text reads a JSON string or number as text. Numbers keep their literal
// digits, so IDs sent as numbers (however large) are not rounded. Anything
// else reads as "".
func text(raw json.RawMessage) string {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		return ""
	}
	switch c := trimmed[0]; {
	case c == '"':
		var s string
		if json.Unmarshal(trimmed, &s) != nil {
			return ""
		}
		return s
	case c == '-' || (c >= '0' && c <= '9'):
		return string(trimmed)
	default:
		return ""
	}
}

// texts reads a list of strings or numbers; a single string or number reads
// as a list of one. Elements of other types are skipped.
func texts(raw json.RawMessage) []string {
	if s := text(raw); s != "" {
		return []string{s}
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil
	}
	var out []string
	for _, item := range items {
		if s := text(item); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// fields reads a JSON object's members; anything else reads as empty.
func fields(raw json.RawMessage) map[string]json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	return m
}

// unixTime reads seconds since the epoch, given as a number or as text.
// Fractions are dropped; values out of range give the zero time.
func unixTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n <= 0 || n > latestUnix {
			return time.Time{}
		}
		return time.Unix(n, 0).UTC()
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f <= 0 || f > latestUnix {
		return time.Time{}
	}
	return time.Unix(int64(f), 0).UTC()
}

package store

import "strings"

// maskShown is how many characters MaskToken keeps at each end; tokens
// shorter than maskMinLen are hidden completely.
const (
	maskShown  = 4
	maskMinLen = 20
	maskHidden = "********"
)

// MaskToken returns a form of a secret that is safe to display: the first
// and last four characters of a long token ("EAAB…f00d"), or only
// asterisks for a short one. The length is never revealed.
func MaskToken(token string) string {
	r := []rune(strings.TrimSpace(token))
	if len(r) < maskMinLen {
		return maskHidden
	}
	return string(r[:maskShown]) + "…" + string(r[len(r)-maskShown:])
}

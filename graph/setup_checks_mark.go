package graph

import "strings"

// Mark is the status as a line of checks shows it: "✓ pass", "! warn",
// "✗ fail".
func (s CheckStatus) Mark() string {
	switch s {
	case CheckPass:
		return "✓ pass"
	case CheckWarn:
		return "! warn"
	}
	return "✗ " + strings.ToLower(string(s))
}

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

// CountStatus is how many of the checks came out st.
func CountStatus(checks []SetupCheck, st CheckStatus) int {
	n := 0
	for _, c := range checks {
		if c.Status == st {
			n++
		}
	}
	return n
}

package graph

import "fmt"

// maxIDLength is far above any Graph ID (they are 64-bit numbers) and keeps
// absurd input out of paths and messages.
const maxIDLength = 32

// ValidID reports whether id is a Graph object ID mps will put in a path (digits only).
func ValidID(id string) bool {
	return id != "" && len(id) <= maxIDLength && isDigits(id)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// InvalidIDError says that an ID was refused before any request was made.
type InvalidIDError struct {
	What string // "solution", "app", "WABA", "business", "partner business"
	ID   string // already sanitised and shortened
}

func (e *InvalidIDError) Error() string {
	if e.ID == "" {
		return fmt.Sprintf("graph: the %s ID is empty: give the numeric ID", e.What)
	}
	return fmt.Sprintf("graph: %q is not a valid %s ID: Graph IDs are digits only", e.ID, e.What)
}

// checkID returns an *InvalidIDError naming the bad ID, or nil.
func checkID(what, id string) error {
	if ValidID(id) {
		return nil
	}
	return &InvalidIDError{What: what, ID: shorten(sanitize(id), 40)}
}

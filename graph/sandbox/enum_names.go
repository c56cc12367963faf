package sandbox

import (
	"fmt"
	"strings"
)

// enumNames spells a small enum's values, indexed by value, for the
// control surface and the demo's switches.
type enumNames []string

// text is v's name, or kind(v) for a value without one.
func (n enumNames) text(v int, kind string) string {
	if v >= 0 && v < len(n) {
		return n[v]
	}
	return fmt.Sprintf("%s(%d)", kind, v)
}

// parse reads a name in any case.
func (n enumNames) parse(name string) (int, bool) {
	for i, s := range n {
		if strings.EqualFold(s, name) {
			return i, true
		}
	}
	return 0, false
}

// oneOf lists the names for a refusal: "any, openapi, guide".
func (n enumNames) oneOf() string { return strings.Join(n, ", ") }

package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"mps/graph"
	"mps/ui/text"
)

// derivedSolution holds what mps works out about a solution. In --json
// output these fields sit beside Graph's own fields, under names Graph does
// not use, and never replace them.
type derivedSolution struct {
	DisplayState string `json:"display_state"`
	OurRole      string `json:"our_role"`
	// AllowedActions is left out when our side is not known (GET
	// /{waba}/solutions names no side and cannot be filtered by role).
	AllowedActions []actionVerdict `json:"allowed_actions,omitempty"`
}

type actionVerdict struct {
	Action  string `json:"action"` // the mps command, e.g. "accept-deactivation"
	Allowed bool   `json:"allowed"`
	Reason  string `json:"reason,omitempty"`
}

func deriveSolution(s *graph.Solution, appID string) derivedSolution {
	role := graph.RoleOf(s, appID)
	d := derivedSolution{DisplayState: s.StateLabel(), OurRole: role.String()}
	if role == graph.RoleUnknown {
		return d
	}
	for _, v := range graph.Allowed(s.State(), role) {
		d.AllowedActions = append(d.AllowedActions, actionVerdict{Action: v.Action.Command(), Allowed: v.Allowed, Reason: v.Reason})
	}
	return d
}

// solutionJSON is a solution as Graph encodes it, plus the derived fields.
func solutionJSON(s *graph.Solution, appID string) (json.RawMessage, error) {
	return withFields(s, deriveSolution(s, appID))
}

func solutionsJSON(list []graph.Solution, appID string) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, 0, len(list))
	for i := range list {
		obj, err := solutionJSON(&list[i], appID)
		if err != nil {
			return nil, err
		}
		out = append(out, obj)
	}
	return out, nil
}

// withFields encodes value (a JSON object) and appends the fields of extra
// (another JSON object) to it, keeping value's own encoding untouched.
func withFields(value, extra any) (json.RawMessage, error) {
	base, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	more, err := json.Marshal(extra)
	if err != nil {
		return nil, err
	}
	base, more = bytes.TrimSpace(base), bytes.TrimSpace(more)
	if !isObject(base) || !isObject(more) {
		return nil, fmt.Errorf("cannot add fields to %T: not a JSON object", value)
	}
	if len(more) == 2 { // {}
		return base, nil
	}
	joined := make([]byte, 0, len(base)+len(more))
	joined = append(joined, base[:len(base)-1]...)
	if len(base) > 2 {
		joined = append(joined, ',')
	}
	return append(joined, more[1:]...), nil
}

func isObject(b []byte) bool {
	return len(b) >= 2 && b[0] == '{' && b[len(b)-1] == '}'
}

// writeJSON prints v as indented JSON, leaving &, < and > as they are and
// spelling the code points a terminal acts on or hides (text.Invisible: C1
// controls, bidi controls, zero-width characters) as \u escapes, so the
// bytes are safe to show and the decoded values are exactly the data.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeInvisible(buf.Bytes()))
	return err
}

// escapeInvisible rewrites each text.Invisible code point of encoded JSON
// as a \u escape. Outside strings JSON is ASCII, so every such code point
// is inside a string, where the escape decodes to the same value.
func escapeInvisible(encoded []byte) []byte {
	var out []byte
	done := 0
	for i := 0; i < len(encoded); {
		if encoded[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(encoded[i:])
		if text.Invisible(r) {
			out = append(out, encoded[done:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			done = i + size
		}
		i += size
	}
	if out == nil {
		return encoded
	}
	return append(out, encoded[done:]...)
}

// nonNil makes an empty list print as [] rather than null.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// mapped is each item of list as to makes it, in order: an empty list
// prints as [].
func mapped[T, J any](list []T, to func(T) J) []J {
	out := make([]J, len(list))
	for i, item := range list {
		out[i] = to(item)
	}
	return out
}

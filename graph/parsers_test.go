package graph

import "testing"

// WantParses checks that parse reads each text of good as its value and
// refuses each of bad. Exported for the external tests (export_test.go's
// way), so that every ParseX is tested the same way.
func WantParses[T comparable](t *testing.T, name string, parse func(string) (T, bool), good map[string]T, bad ...string) {
	t.Helper()
	for text, want := range good {
		if got, ok := parse(text); !ok || got != want {
			t.Errorf("%s(%q) = %v, %v; want %v", name, text, got, ok, want)
		}
	}
	for _, text := range bad {
		if got, ok := parse(text); ok {
			t.Errorf("%s(%q) = %v; want a refusal", name, text, got)
		}
	}
}

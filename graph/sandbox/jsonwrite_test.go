package sandbox

import (
	"bytes"
	"encoding/json"
	"testing"
)

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "quote\" back\\slash", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "Café 東京 🍕", "\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got := string(appendString(nil, s)); got != string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Fatalf("appendString(%q) = %s, encoding/json says %s", s, got, want.Bytes())
		}
	})
}

func TestAppendJSONShapes(t *testing.T) {
	v := object{{"a", []any{object{{"b", []string{"x", "y"}}}, true, 3, int64(-4)}}, {"c", map[string]int{"d": 1}}, {"e", []string{}}}
	got, err := appendJSON(nil, v)
	if err != nil || string(got) != `{"a":[{"b":["x","y"]},true,3,-4],"c":{"d":1},"e":[]}` {
		t.Fatalf("appendJSON = %s, %v", got, err)
	}
}

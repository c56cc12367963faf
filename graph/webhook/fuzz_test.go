package webhook

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"entry":{"changes":[]}}`))
	f.Add([]byte(`{"entry":[{"id":1e999,"time":"-1","changes":[null,1,"x",{"field":[],"value":[]}]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		changes, err := Parse(body)
		if err != nil {
			if changes != nil {
				t.Fatalf("error %v with changes", err)
			}
			return
		}
		if !json.Valid(body) {
			t.Fatalf("invalid JSON accepted: %q", body)
		}
		for _, c := range changes {
			if len(c.Key) != 64 || !json.Valid(c.Raw) {
				t.Fatalf("change without key or with invalid raw: %+v", c)
			}
			if !c.EntryTime.IsZero() && (c.EntryTime.Year() < 1970 || c.EntryTime.Year() > 9999) {
				t.Fatalf("time out of range: %v", c.EntryTime)
			}
			if c.Known && c.Field != FieldPartnerSolutions && c.Field != FieldAccountUpdate {
				t.Fatalf("unknown field marked known: %q", c.Field)
			}
		}
		again, _ := Parse(body)
		for i := range changes {
			if again[i].Key != changes[i].Key {
				t.Fatal("keys differ between two parses of the same body")
			}
		}
	})
}

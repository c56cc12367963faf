package store_test

import (
	"strings"
	"testing"

	"mps/store"
)

func TestMaskToken(t *testing.T) {
	cases := map[string]string{
		longToken:               "EAAB…f00d",
		"":                      "********",
		"short":                 "********",
		"nineteen-characters":   "********",
		"twenty-characters-ok":  "twen…s-ok",
		"  " + longToken + "\n": "EAAB…f00d",
	}
	for in, want := range cases {
		got := store.MaskToken(in)
		if got != want {
			t.Errorf("MaskToken(%q) = %q, want %q", in, got, want)
		}
		if len(in) > 10 && strings.Contains(got, strings.TrimSpace(in)[4:12]) {
			t.Errorf("MaskToken(%q) = %q shows the middle", in, got)
		}
	}
}

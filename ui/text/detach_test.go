package text

import (
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Every rune, alone between spaces, measures under grapheme clustering as
// the sum of its parts once detached: nothing it joins changes the width.
func TestDetachedRunesKeepTheirWidthBesideSpaces(t *testing.T) {
	for r := rune(0x20); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			continue
		}
		s := Detach(string(r))
		w := ansi.StringWidth(s)
		if got := ansi.StringWidth(" " + s + " "); got != w+2 {
			t.Errorf("%U: %q between spaces is %d cells, alone %d", r, s, got, w)
		}
	}
}

func TestDetach(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Acme", "Acme"},
		{"दिल्ली फ़ैशन", "दिल्ली फ़ैशन"},
		{"िदिल्ली", "दिल्ली"}, // a vowel sign with no consonant before it
		{"\u0605", ""},           // an Arabic number mark with no number after it
		{"\u0605١٢", "\u0605١٢"}, // ...and with one
		{"١٢\u0600\u0605", "١٢"},
		{"ाि", ""},
		{"ำไ", "ไ"},
	}
	for _, tt := range tests {
		if got := Detach(tt.in); got != tt.want {
			t.Errorf("Detach(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, clean := range []string{"Acme 12", "दिल्ली फ़ैशन 15", "서울 카페", "شركة الاتصالات", "日本語の会社"} {
		if allocs := testing.AllocsPerRun(100, func() { Detach(clean) }); allocs != 0 {
			t.Errorf("Detach(%q) allocated %v times", clean, allocs)
		}
	}
}

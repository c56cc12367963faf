package text

import "testing"

func TestSanitizeDropsStrayZeroWidthCharactersAndKeepsJoiners(t *testing.T) {
	for in, want := range map[string]string{
		"Acme\u200bCorp":                 "AcmeCorp",
		"\ufeffGamma":                    "Gamma",
		"Beta\u2060\u2061\u2064Ltd":      "BetaLtd",
		"Family 👨\u200d👩\u200d👧":         "Family 👨\u200d👩\u200d👧",         // ZWJ emoji sequence
		"\u0645\u06cc\u200c\u062e\u0648": "\u0645\u06cc\u200c\u062e\u0648", // Persian needs ZWNJ
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

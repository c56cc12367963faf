package cli

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"mps/graph/sandbox"
)

// invisibleOnATerminal are the code points --json must not write raw: C1
// controls, bidi marks, embeddings, overrides and isolates, and zero-width
// characters.
func invisibleOnATerminal(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f,
		r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c,
		r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff:
		return true
	}
	return false
}

func TestJSONSpellsInvisibleCodePointsAsEscapes(t *testing.T) {
	h := newHarness(t, sandbox.Options{Solutions: -1})
	names := []string{
		"Acme\u202egnp.exe",                     // a right-to-left override
		"\u2066Beta\u2069 \u200eCo\u200f\u061c", // isolates and marks
		"C1 \u0085\u009b31m",                    // NEL and a C1 CSI
		"Zero\u200bwidth\u200c\u200d\u2060\ufeff",
		"Family 👨\u200d👩\u200d👧 日本語 Ünïcödé", // kept as it is, ZWJ escaped
	}
	for _, name := range names {
		h.sandbox.AddSolution(sandbox.SolutionSpec{Name: name})
	}
	out := h.mustRun("solutions", "--json").stdout
	for i, r := range out {
		if invisibleOnATerminal(r) || (r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD")) {
			t.Errorf("--json wrote %U raw at byte %d", r, i)
		}
	}
	got := map[string]bool{}
	for _, s := range decodeJSON[[]struct{ Name string }](t, out) {
		got[s.Name] = true
	}
	for _, name := range names {
		if !got[name] {
			t.Errorf("--json does not decode to the name %q", name)
		}
	}
	if !strings.Contains(out, `\u202e`) || !strings.Contains(out, `\ufeff`) {
		t.Errorf("--json does not spell the controls as \\u escapes:\n%s", out)
	}
}

// The table's columns line up however the terminal measures: zero-width
// characters, which width tables count as 0 or 1 cell, are dropped.
func TestTableColumnsAlignAroundZeroWidthCharacters(t *testing.T) {
	h := newHarness(t, sandbox.Options{Solutions: -1})
	for _, name := range []string{"Acme\u200bCorp", "Beta\u2060Ltd", "\ufeffGamma", "Delta Inc"} {
		h.sandbox.AddSolution(sandbox.SolutionSpec{Name: name})
	}
	out := h.mustRun("solutions").stdout
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	header := lines[0]
	stateAt := strings.Index(header, "STATE")
	if stateAt < 0 {
		t.Fatalf("no STATE column:\n%s", out)
	}
	for name, width := range map[string]func(string) int{
		"WcWidth":       ansi.WcWidth.StringWidth,
		"GraphemeWidth": ansi.GraphemeWidth.StringWidth,
		"go-runewidth":  runewidth.StringWidth,
	} {
		want := width(header[:stateAt])
		for _, line := range lines[1:] {
			if got := width(line[:thirdColumn(line)]); got != want {
				t.Errorf("%s: the STATE column starts at cell %d, not %d, in %q", name, got, want, line)
			}
		}
	}
	for _, r := range []rune{0x200b, 0x2060, 0xfeff} {
		if strings.ContainsRune(out, r) {
			t.Errorf("the table still holds %U", r)
		}
	}
}

// thirdColumn is the byte offset of a table line's third column: columns
// are parted by two spaces or more, which the names here do not hold.
func thirdColumn(line string) int {
	at := 0
	for range 2 {
		gap := strings.Index(line[at:], "  ")
		at += gap
		for at < len(line) && line[at] == ' ' {
			at++
		}
	}
	return at
}

func TestCSVQuotesFormulasAfterLeadingBlanks(t *testing.T) {
	h := newHarness(t, sandbox.Options{Solutions: -1})
	names := map[string]string{
		"  =HYPERLINK(\"http://evil.example\")": "'  =HYPERLINK(\"http://evil.example\")",
		" +1 Bakery":                            "' +1 Bakery",
		"   @SUM(A1)":                           "'   @SUM(A1)",
		"  Plain Name":                          "  Plain Name",
	}
	for name := range names {
		h.sandbox.AddSolution(sandbox.SolutionSpec{Name: name})
	}
	records := readCSV(t, h.mustRun("solutions", "--csv").stdout)
	seen := 0
	for _, row := range records[1:] {
		for name, want := range names {
			if strings.TrimLeft(row[1], "'") == name {
				seen++
				if row[1] != want {
					t.Errorf("CSV cell %q, want %q", row[1], want)
				}
			}
		}
	}
	if seen != len(names) {
		t.Errorf("found %d of the %d names in the CSV", seen, len(names))
	}
	if got := spreadsheetText("\t-1"); got != "'\t-1" {
		t.Errorf("a tab then a formula character: %q", got)
	}
}

package text

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"日本", 4},
		{"Café", 4},
		{"e\u0301", 1},
		{"👩🏽‍💻", 2},
		{"\x1b[31mred\x1b[0m", 3},
	}
	for _, tt := range tests {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"hello", 10, "hello"},
		{"hello", 5, "hello"},
		{"hello", 4, "hel…"},
		{"hello", 1, "…"},
		{"hello", 0, ""},
		{"hello", -3, ""},
		{"日本語の会社", 6, "日本…"},
		{"日本語の会社", 5, "日本…"},
		{"日本語の会社", 12, "日本語の会社"},
		{"日本語の会社", 1, "…"},
		{"ab日本", 4, "ab…"},
		{"Café Müller", 6, "Café …"},
		{"👩🏽‍💻👩🏽‍💻👩🏽‍💻", 5, "👩🏽‍💻👩🏽‍💻…"},
		{"e\u0301e\u0301e\u0301", 2, "e\u0301…"},
		{"\x1b[31mredder\x1b[0m", 4, "\x1b[31mred…\x1b[0m"},
	}
	for _, tt := range tests {
		got := Truncate(tt.in, tt.width)
		if got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		if w := ansi.StringWidth(got); w > max(tt.width, 0) {
			t.Errorf("Truncate(%q, %d) is %d cells wide", tt.in, tt.width, w)
		}
	}
}

func TestTruncateLongInputStopsEarly(t *testing.T) {
	long := strings.Repeat("名", 10000)
	got := Truncate(long, 9)
	if got != strings.Repeat("名", 4)+Ellipsis {
		t.Fatalf("got %q", got)
	}
}

func TestFitIsExactWidth(t *testing.T) {
	inputs := []string{"", "a", "hello world", "日本語の会社", "👩🏽‍💻 team", "شركة الاتصالات", strings.Repeat("x", 10000)}
	for _, in := range inputs {
		for w := 0; w <= 14; w++ {
			if got := ansi.StringWidth(Graphemes().Fit(in, w)); got != w {
				t.Errorf("Fit(%q, %d) is %d cells wide", in, w, got)
			}
		}
	}
}

func TestPadRight(t *testing.T) {
	if got := PadRight("日本", 6); got != "日本  " {
		t.Errorf("PadRight = %q", got)
	}
	if got := PadRight("toolong", 3); got != "toolong" {
		t.Errorf("PadRight of a wider string = %q, want it unchanged", got)
	}
}

// disagreeing are texts the two width methods measure differently, which is
// why a Measure must use the renderer's method.
var disagreeing = []struct{ name, text string }{
	{"Devanagari vowel signs", "दिल्ली फ़ैशन 15"},
	{"ZWJ family emoji", "👨‍👩‍👧‍👦 family"},
	{"ZWJ emoji with skin tone", "👩🏽‍💻 team"},
	{"flag and a lone regional indicator", "🇧🇷 Brasil 🇧"},
	{"VS16 emoji presentation", "I ❤️ tea ☺️"},
	{"styled Devanagari", "\x1b[31mदिल्ली फ़ैशन\x1b[0m"},
}

func methods() []struct {
	name  string
	m     Measure
	width func(string) int
} {
	return []struct {
		name  string
		m     Measure
		width func(string) int
	}{
		{"wcwidth", Measure{Method: ansi.WcWidth}, ansi.StringWidthWc},
		{"grapheme", Measure{Method: ansi.GraphemeWidth}, ansi.StringWidth},
	}
}

func TestMeasureWidthMatchesItsMethod(t *testing.T) {
	for _, tt := range disagreeing {
		if ansi.StringWidthWc(tt.text) == ansi.StringWidth(tt.text) {
			t.Errorf("%s: %q no longer measures differently under the two methods", tt.name, tt.text)
		}
		for _, mm := range methods() {
			if got, want := mm.m.Width(tt.text), mm.width(tt.text); got != want {
				t.Errorf("%s %s: Width(%q) = %d, want %d", mm.name, tt.name, tt.text, got, want)
			}
		}
	}
}

func TestMeasureFitIsExactWidth(t *testing.T) {
	for _, tt := range disagreeing {
		for _, mm := range methods() {
			full := mm.width(tt.text)
			for w := 0; w <= full+2; w++ {
				got := mm.m.Fit(tt.text, w)
				if gw := mm.width(got); gw != w {
					t.Errorf("%s %s: Fit(%q, %d) = %q is %d cells wide", mm.name, tt.name, tt.text, w, got, gw)
				}
				cut := mm.m.Truncate(tt.text, w)
				if cw := mm.width(cut); cw > w {
					t.Errorf("%s %s: Truncate(%q, %d) = %q is %d cells wide", mm.name, tt.name, tt.text, w, cut, cw)
				}
				if (cut == tt.text) != (w >= full) {
					t.Errorf("%s %s: Truncate(%q, %d) = %q, cut when it fits or kept when it does not", mm.name, tt.name, tt.text, w, cut)
				}
			}
		}
	}
}

// The cut keeps the escape codes of the part dropped, so a style opened
// before the cut still ends; ansi.TruncateWc would return this text whole,
// since it checks the grapheme width first.
func TestMeasureTruncateStyledUnderWcWidth(t *testing.T) {
	in := "\x1b[31mदिल्ली फ़ैशन\x1b[0m"
	got := Measure{Method: ansi.WcWidth}.Truncate(in, 7) // 9 cells under wcwidth, 6 as graphemes
	if want := "\x1b[31mदिल्ली " + Ellipsis + "\x1b[0m"; got != want {
		t.Fatalf("Truncate = %q, want %q", got, want)
	}
}

func TestMeasureTruncateKeepsClustersWhole(t *testing.T) {
	family := "👨‍👩‍👧‍👦"
	tests := []struct {
		m     Measure
		width int
		want  string
	}{
		{Measure{Method: ansi.WcWidth}, 8, family},
		{Measure{Method: ansi.WcWidth}, 7, Ellipsis},
		{Measure{Method: ansi.GraphemeWidth}, 2, family},
		{Measure{Method: ansi.GraphemeWidth}, 1, Ellipsis},
	}
	for _, tt := range tests {
		if got := tt.m.Truncate(family, tt.width); got != tt.want {
			t.Errorf("method %d: Truncate(family, %d) = %q, want %q", tt.m.Method, tt.width, got, tt.want)
		}
	}
}

func TestMeasureWrapIsExactWidth(t *testing.T) {
	in := "Solution: दिल्ली फ़ैशन 👨‍👩‍👧‍👦 I ❤️ tea (1234567890)"
	for _, mm := range methods() {
		for _, w := range []int{8, 12, 20, 40} {
			got := mm.m.Wrap(in, w)
			lines := strings.Split(got, "\n")
			if len(lines) < 2 && mm.width(in) > w {
				t.Errorf("%s: Wrap(%d) did not wrap: %q", mm.name, w, got)
			}
			for _, l := range lines {
				if lw := mm.width(l); lw != w {
					t.Errorf("%s: Wrap(%d) line %q is %d cells wide", mm.name, w, l, lw)
				}
			}
			if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(in), "") {
				t.Errorf("%s: Wrap(%d) lost text: %q", mm.name, w, got)
			}
		}
	}
}

func TestWrapAfterIndentsTheContinuation(t *testing.T) {
	m := Measure{}
	got := m.WrapAfter("  ✗    ", "Accept — only a pending request can be accepted", 30)
	want := []string{
		"  ✗    Accept — only a pending",
		"       request can be accepted",
	}
	if lines := strings.Split(got, "\n"); len(lines) != len(want) || strings.TrimRight(lines[0], " ") != want[0] || strings.TrimRight(lines[1], " ") != want[1] {
		t.Fatalf("WrapAfter:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	for _, l := range strings.Split(got, "\n") {
		if m.Width(l) != 30 {
			t.Errorf("line %q is %d cells, want 30", l, m.Width(l))
		}
	}
}

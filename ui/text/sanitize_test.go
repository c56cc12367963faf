package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	long := strings.Repeat("Ab", 5000)
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII", "Acme Corp WABA", "Acme Corp WABA"},
		{"accents", "Café Müller — Ñandú", "Café Müller — Ñandú"},
		{"cyrillic", "Компания", "Компания"},
		{"arabic", "شركة الاتصالات", "شركة الاتصالات"},
		{"CJK", "日本語の会社", "日本語の会社"},
		{"emoji with ZWJ and skin tone", "👩🏽‍💻 team 🇧🇷", "👩🏽‍💻 team 🇧🇷"},
		{"clear screen", "a\x1b[2Jb", "ab"},
		{"SGR colour", "\x1b[31;1mred\x1b[0m", "red"},
		{"CSI private mode", "x\x1b[?1049hy", "xy"},
		{"cursor move", "\x1b[10;20Hhi", "hi"},
		{"OSC 8 hyperlink keeps only the label", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"OSC 52 clipboard write with BEL", "\x1b]52;c;cm0gLXJmIC8=\x07name", "name"},
		{"OSC title", "\x1b]0;pwned\x07ok", "ok"},
		{"unterminated OSC swallows the rest", "ok\x1b]0;title never ends", "ok"},
		{"OSC ended by a new escape", "\x1b]0;t\x1b[31mred", "red"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"short escapes", "a\x1b7b\x1b8c\x1bcd", "abcd"},
		{"charset designation", "a\x1b(0b", "ab"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"double ESC", "a\x1b\x1b[2Jb", "ab"},
		{"C1 CSI as UTF-8", "a\u009b2Jb", "ab"},
		{"C1 OSC as UTF-8 with C1 ST", "a\u009d0;t\u009cb", "ab"},
		{"other C1", "a\u0085b\u008dc", "a bc"},
		{"raw 8-bit CSI byte is invalid UTF-8", "a\x9b2Jb", "a\uFFFD2Jb"},
		{"BEL", "ding\x07dong", "dingdong"},
		{"backspace overwrite", "good\x08\x08\x08\x08evil", "goodevil"},
		{"CR overwrite", "Approved\rRejected", "Approved Rejected"},
		{"newlines and tabs", "line1\nline2\tx\r\n", "line1 line2 x  "},
		{"DEL and NUL", "a\x7fb\x00c", "abc"},
		{"RTL override", "invoice\u202Egnp.exe", "invoicegnp.exe"},
		{"isolates and marks", "\u2066a\u2067b\u2068c\u2069\u200ed\u200f\u061c", "abcd"},
		{"embeddings", "\u202Ax\u202By\u202Cz\u202D", "xyz"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a b c"},
		{"invalid UTF-8 run", "a\xff\xfe\xfdb", "a\uFFFDb"},
		{"truncated rune", "a\xe6\x97", "a\uFFFD"},
		{"literal replacement char kept", "a\uFFFDb", "a\uFFFDb"},
		{"10k characters", long, long},
		{"10k characters with escapes", strings.Repeat("\x1b[1mAb", 5000), long},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Fatalf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if bad := firstUnsafe(got); bad != len(got) {
				t.Fatalf("output %q still has an unsafe byte at %d", got, bad)
			}
		})
	}
}

func TestSanitizeCleanInputDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"Acme Corp", "Компания 日本 👩🏽‍💻 شركة"} {
		allocs := testing.AllocsPerRun(100, func() {
			if Sanitize(s) != s {
				t.Fatal("clean input changed")
			}
		})
		if allocs != 0 {
			t.Errorf("Sanitize(%q) allocated %v times", s, allocs)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b[2J", "\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\", "\x1b]52;c;AAAA\x07",
		"a\rb", "\u202Eabc", "\xff\xfe", "\u009b31m", "日本👩🏽‍💻", "\x1bP\x1b\\", "\x1b\x1b\x1b[",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q: %q", in, out)
		}
		for _, r := range out {
			if r < 0x20 || (r >= 0x7f && r <= 0x9f) || isBidiControl(r) || isLineBreak(r) {
				t.Fatalf("Sanitize(%q) = %q keeps control %U", in, out, r)
			}
			if r != ' ' && r != utf8.RuneError && !strings.ContainsRune(in, r) {
				t.Fatalf("Sanitize(%q) = %q invented %U", in, out, r)
			}
		}
		if again := Sanitize(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
		if firstUnsafe(in) == len(in) && out != in {
			t.Fatalf("clean input %q changed to %q", in, out)
		}
	})
}

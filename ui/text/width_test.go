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
			if got := ansi.StringWidth(Fit(in, w)); got != w {
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

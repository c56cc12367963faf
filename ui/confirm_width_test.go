package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mps/graph/sandbox"
)

// Names that wcwidth and grapheme clustering measure differently, and one
// far wider than any dialog.
func dialogTestNames() map[string]string {
	return map[string]string{
		"Devanagari": "क्षत्रिय सॉल्यूशंस",
		"ZWJ emoji":  "Family 👨‍👩‍👧‍👦 Shop 🏳️‍🌈 ❤️",
		"long CJK":   strings.Repeat("東京ソリューションズ株式会社", 12),
	}
}

// Every line of the confirm dialog is the same width as the terminal counts
// it, under either width method, so its right border is one straight
// column. x/ansi's own counts judge, not the app's Measure.
func TestConfirmDialogIsRectangularUnderEitherWidthMethod(t *testing.T) {
	methods := []struct {
		name   string
		report bool // the terminal reports mode 2027, so graphemes count
		width  func(string) int
	}{
		{"wcwidth", false, ansi.StringWidthWc},
		{"graphemes", true, ansi.StringWidth},
	}
	for label, name := range dialogTestNames() {
		for _, m := range methods {
			for _, size := range [][2]int{{80, 24}, {120, 40}, {50, 12}} {
				t.Run(label+"/"+m.name+"/"+itoaSize(size), func(t *testing.T) {
					h := newHarnessConfig(t, size[0], size[1], sandbox.Options{}, func(sb *sandbox.Sandbox, _ *Config) {
						sb.CreateIncomingRequest(name)
					})
					if m.report {
						h.send(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
					}
					h.press("2")
					h.selectRow(name)
					h.press("a")
					if h.app.dialog == nil {
						t.Fatalf("a did not open the dialog:\n%s", h.screen())
					}
					view := h.app.dialog.View(size[0], h.app.bodyHeight())
					wantRectangularBox(t, view, size[0], m.width)
					h.wantScreen("Solution: ", "[ Cancel ]")
				})
			}
		}
	}
}

// wantRectangularBox checks that every line of view is width cells and that
// the box's lines start and end in the same columns.
func wantRectangularBox(t *testing.T, view string, width int, measure func(string) int) {
	t.Helper()
	type edges struct{ left, right int }
	var box []edges
	for i, line := range strings.Split(view, "\n") {
		if w := measure(line); w != width {
			t.Errorf("line %d is %d cells wide, want %d: %q", i, w, width, ansi.Strip(line))
		}
		plain := ansi.Strip(line)
		trimmed := strings.TrimRight(plain, " ")
		if trimmed == "" {
			continue
		}
		box = append(box, edges{len(plain) - len(strings.TrimLeft(plain, " ")), measure(trimmed)})
	}
	if len(box) < 3 {
		t.Fatalf("no box in the view:\n%s", ansi.Strip(view))
	}
	for i, e := range box[1:] {
		if e != box[0] {
			t.Errorf("box line %d spans columns %d-%d, the top border %d-%d:\n%s", i+1, e.left, e.right, box[0].left, box[0].right, ansi.Strip(view))
		}
	}
}

// A name too long for one line is cut with an ellipsis when the dialog
// keeps one line per name, never drawn past the border.
func TestConfirmDialogCutsALongNameOnSmallScreens(t *testing.T) {
	name := dialogTestNames()["long CJK"]
	h := newHarnessConfig(t, 40, 10, sandbox.Options{}, func(sb *sandbox.Sandbox, _ *Config) {
		sb.CreateIncomingRequest(name)
	})
	h.press("2")
	h.selectRow(name)
	h.press("a")
	h.wantScreen("Solution: 東京", "…", "[ Cancel ]")
	wantRectangularBox(t, h.app.dialog.View(40, h.app.bodyHeight()), 40, ansi.StringWidthWc)
}

// The colour theme draws the same box, its escapes counting no cells.
func TestConfirmDialogInColourIsRectangular(t *testing.T) {
	name := dialogTestNames()["Devanagari"]
	h := newHarnessConfig(t, 80, 24, sandbox.Options{}, func(sb *sandbox.Sandbox, c *Config) {
		sb.CreateIncomingRequest(name)
		c.NoColor = false
	})
	if h.app.ctx.Styles.NoColor {
		t.Skip("NO_COLOR is set in the environment")
	}
	h.press("2")
	h.selectRow(name)
	h.press("a")
	view := h.app.dialog.View(80, h.app.bodyHeight())
	if !strings.Contains(view, "\x1b[") {
		t.Fatal("the colour theme drew no colour")
	}
	wantRectangularBox(t, view, 80, ansi.StringWidthWc)
}

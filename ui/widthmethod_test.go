package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestReportsGraphemeClustering(t *testing.T) {
	tests := []struct {
		msg  tea.ModeReportMsg
		want bool
	}{
		{tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet}, true},
		{tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeReset}, true},
		{tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModePermanentlySet}, true},
		{tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeNotRecognized}, false},
		{tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModePermanentlyReset}, false},
		{tea.ModeReportMsg{Mode: ansi.ModeSynchronizedOutput, Value: ansi.ModeSet}, false},
	}
	for _, tt := range tests {
		if got := reportsGraphemeClustering(tt.msg); got != tt.want {
			t.Errorf("reportsGraphemeClustering(%+v) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}

// The Customers rows with a Devanagari name are drawn exactly the screen's
// width as the renderer counts it: by code points until the terminal says
// it clusters graphemes, by clusters after. The two counts of that name
// differ by three cells, so padding by the wrong one shifts the columns.
func TestModeReportSwitchesHowRowsAreMeasured(t *testing.T) {
	const width, name = 120, "दिल्ली फ़ैशन"
	h := newHarness(t, width, 40)
	h.press("4")
	wantRowsExact := func(method string, measure func(string) int) {
		t.Helper()
		n := 0
		for _, line := range strings.Split(h.screen(), "\n") {
			if !strings.Contains(line, name) {
				continue
			}
			n++
			if w := measure(line); w != width {
				t.Errorf("%s: row %q is %d cells wide, want %d", method, line, w, width)
			}
		}
		if n == 0 {
			t.Fatalf("%s: no row shows %q:\n%s", method, name, h.screen())
		}
	}
	wantRowsExact("before any report (wcwidth)", ansi.StringWidthWc)

	h.send(tea.ModeReportMsg{Mode: ansi.ModeSynchronizedOutput, Value: ansi.ModeReset})
	wantRowsExact("after another mode's report (wcwidth)", ansi.StringWidthWc)

	h.send(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeReset})
	wantRowsExact("after the mode 2027 report (graphemes)", ansi.StringWidth)
}

package cli

import (
	"strings"
	"testing"
)

func TestColourOnlyOnATerminalWithoutNO_COLOR(t *testing.T) {
	h := seededHarness(t)
	if out := h.mustRun("solutions").stdout; strings.Contains(out, "\x1b[") {
		t.Errorf("colour when stdout is not a terminal: %q", out)
	}
	h.terminal = true
	if out := h.mustRun("solutions").stdout; !strings.Contains(out, sgrGreen+"Active") {
		t.Errorf("no colour on a terminal: %q", out)
	}
	h.env["NO_COLOR"] = "1"
	if out := h.mustRun("solutions").stdout; strings.Contains(out, "\x1b[") {
		t.Errorf("colour despite NO_COLOR: %q", out)
	}
}

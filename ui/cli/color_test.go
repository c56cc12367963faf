package cli

import (
	"strings"
	"testing"

	"mps/graph/sandbox"
)

func TestColourOnlyOnATerminalWithoutNO_COLOR(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
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

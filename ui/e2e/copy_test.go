package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestCopyPutsTheSolutionIDOnTheClipboard presses y on the Solutions tab in
// a tmux whose set-clipboard is on, so that an OSC 52 write from the program
// becomes a tmux paste buffer: the buffer must hold the selected solution's
// ID. A name carrying its own OSC 52 write is drawn first and must not.
func TestCopyPutsTheSolutionIDOnTheClipboard(t *testing.T) {
	w := parallelWorld(t)
	id := w.addActive("Copy target")
	w.addActive("Copy clip\x1b]52;c;cHduZWQ=\x07 end")
	s := w.startDashboard()
	if out, err := s.tmuxOut("set-option", "-s", "set-clipboard", "on"); err != nil {
		t.Fatalf("set-clipboard on: %v\n%s", err, out)
	}
	s.settle("Copy target", "Copy clip")
	if buffers, _ := s.tmuxOut("list-buffers"); buffers != "" {
		t.Fatalf("drawing the list filled a paste buffer: %q", buffers)
	}

	s.keys("/")
	s.keys("-l", "Copy target") // its y goes into the filter
	s.step("Enter", "showing 1 of")
	if buffers, _ := s.tmuxOut("list-buffers"); buffers != "" {
		t.Fatalf("typing y in the filter copied: %q", buffers)
	}
	s.step("y", "Copied solution ID "+id+" to the clipboard.")
	if got := s.pasteBuffer(); got != id {
		t.Fatalf("the paste buffer holds %q, want the solution's ID %s", got, id)
	}
	s.quit(quitBound)
}

// pasteBuffer waits for tmux's newest paste buffer and returns it.
func (s *screen) pasteBuffer() string {
	s.t.Helper()
	deadline := time.Now().Add(screenWait)
	for {
		out, err := s.tmuxOut("show-buffer")
		if err == nil {
			return out
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no paste buffer appeared: %s", strings.TrimSpace(out))
		}
		time.Sleep(40 * time.Millisecond)
	}
}

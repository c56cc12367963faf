package e2e

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"mps/graph/sandbox"
)

// hostileNames are solution names written to attack a terminal: a window
// title change, a screen clear and cursor jump, raw control characters, a
// clipboard write, a name far wider than the screen, and a right-to-left
// override. Each starts with "Hx" so a filter can find them all.
func hostileNames() []string {
	return []string{
		"Hx title\x1b]0;PWNED-TITLE\x07 end",
		"Hx clear\x1b[2J\x1b[H\x1b[10;10Hjumped",
		"Hx ctrl\r\n\b\x00\x7f\x1b[31mred\x1b[0m\x1bc",
		"Hx clip\x1b]52;c;cHduZWQ=\x07 \x1bP1;2|evil\x1b\\ \u009b31m",
		"Hx long " + strings.Repeat("wide名前", 60),
		"Hx rtl \u202eevil.exe\u202c مرحبا שלום",
	}
}

func hostileWorld(t *testing.T) *world {
	t.Helper()
	w := parallelWorld(t)
	for _, name := range hostileNames() {
		w.addActive(name)
	}
	return w
}

// expectInertScreen checks the 80x24 layout held: 24 rows none wider than
// the pane, the tab bar on top, the status bar and help at the bottom, and
// none of the payloads' effects (title, bidi override, raw controls).
func expectInertScreen(t *testing.T, s *screen, top string) {
	t.Helper()
	text := strings.TrimSuffix(s.text(), "\n")
	rows := strings.Split(text, "\n")
	if len(rows) != screenHeight {
		t.Fatalf("the screen has %d rows, want %d:\n%s", len(rows), screenHeight, text)
	}
	for i, row := range rows {
		if w := runewidth.StringWidth(row); w > screenWidth {
			t.Errorf("row %d is %d cells wide:\n%s", i+1, w, row)
		}
		for _, r := range row {
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\u202e' || r == '\u202d' {
				t.Errorf("row %d holds %U: %q", i+1, r, row)
			}
		}
	}
	if !strings.HasPrefix(rows[0], top) {
		t.Errorf("the tab bar is not on top: %q", rows[0])
	}
	if bar := rows[screenHeight-2]; !strings.Contains(bar, sandbox.DemoAppID) || !strings.Contains(bar, "v25.0") {
		t.Errorf("the status bar moved: %q", rows[screenHeight-2])
	}
	if !strings.HasPrefix(rows[screenHeight-1], "? help") && !strings.HasPrefix(rows[screenHeight-1], "esc back") {
		t.Errorf("the help line moved: %q", rows[screenHeight-1])
	}
	if title := s.format("#{pane_title}"); strings.Contains(title, "PWNED") {
		t.Errorf("a name set the window title to %q", title)
	}
	// tmux draws what the program wrote; with -e it adds its own SGR
	// styling, and nothing else may appear.
	for _, seq := range escapes(s.withEscapes()) {
		if !strings.HasSuffix(seq, "m") {
			t.Errorf("the pane holds a non-styling sequence %q", seq)
		}
	}
}

// escapes lists the CSI sequences in s ("\x1b[...X").
func escapes(s string) []string {
	var out []string
	for i := strings.Index(s, "\x1b"); i >= 0; i = strings.Index(s, "\x1b") {
		s = s[i:]
		end := 2
		for end < len(s) && (s[end] < 0x40 || s[end] > 0x7e) {
			end++
		}
		end = min(end+1, len(s))
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

func TestHostileNamesDrawnInert(t *testing.T) {
	t.Parallel()
	t.Run("dashboard", func(t *testing.T) {
		w := hostileWorld(t)
		s := w.startDashboard()
		n := seededSolutions(t) + len(hostileNames())
		s.waitFor("Solutions (19)", "Hx title", "Hx clip")
		if n != 19 {
			t.Fatalf("the world has %d solutions, the test expects 19", n)
		}
		expectInertScreen(t, s, " 1 Solutions (19)")
		s.keys("/")
		s.keys("-l", "Hx")
		s.step("Enter", "showing 6 of 19")
		expectInertScreen(t, s, " 1 Solutions (19)")
		// Each one's inspector, the long one included.
		for i := range hostileNames() {
			s.step("Enter", "Solution Hx", "Permissions")
			expectInertScreen(t, s, " 1 Solutions (19)")
			s.step("Escape", "showing 6 of 19")
			if i < len(hostileNames())-1 {
				s.keys("j")
			}
		}
		s.alive()
		s.quit(quitBound)
	})
	t.Run("command", func(t *testing.T) {
		w := hostileWorld(t)
		res := w.run("solutions")
		if res.code != 0 {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		for _, r := range res.stdout {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || r == '\u202e' {
				t.Fatalf("the table holds %U:\n%s", r, res.stdout)
			}
		}
		if !strings.Contains(res.stdout, "Hx title") || !strings.Contains(res.stdout, "مرحبا") {
			t.Errorf("the names' harmless text is missing:\n%s", res.stdout)
		}

		res = w.run("solutions", "--json")
		var list []struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &list); err != nil {
			t.Fatalf("--json is not JSON: %v", err)
		}
		if strings.ContainsRune(res.stdout, 0x1b) {
			t.Errorf("--json wrote a raw ESC; JSON escapes it")
		}
		var names []string
		for _, s := range list {
			names = append(names, s.Name)
		}
		for _, want := range hostileNames() {
			if !slices.Contains(names, want) {
				t.Errorf("--json does not carry the name exactly as Graph sent it: %q", want)
			}
		}
	})
}

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// screen is the dashboard running in a tmux pane of 80x24 on a tmux server
// of its own (its own socket, so tests in parallel never meet). The server
// inherits the world's environment, which is how the token reaches the
// binary without appearing in any argv.
type screen struct {
	t    *testing.T
	tmux string
	sock string
	// exitFile receives mps's exit status when it ends: tmux does not
	// always learn a dead pane's status, so a shell in the pane writes it.
	exitFile string
	// stderrFile receives the dashboard's stderr, which must stay empty:
	// anything written there would land on top of the drawn screen.
	stderrFile string
}

const (
	screenWidth  = 80
	screenHeight = 24
	// screenWait bounds every wait for the screen: generous, since it is
	// only reached when something is wrong.
	screenWait = 15 * time.Second
)

// startDashboard runs `mps` (the dashboard) against the world's sandbox.
func (w *world) startDashboard(extraArgs ...string) *screen {
	w.t.Helper()
	return w.startTUI(w.env(), append(w.globals(), extraArgs...))
}

// startDemo runs `mps --demo`, which brings its own sandbox, with no token
// in its environment: the demo needs none.
func (w *world) startDemo() *screen {
	w.t.Helper()
	env := slices.DeleteFunc(w.env(), func(kv string) bool { return strings.HasPrefix(kv, "MPS_TOKEN=") })
	return w.startTUI(env, []string{"--demo"})
}

// startTUI runs the binary with args in a tmux pane of its own server.
func (w *world) startTUI(env, args []string) *screen {
	w.t.Helper()
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		w.t.Skip("tmux is not installed: the dashboard fault tests drive the TUI through it (apt-get install tmux)")
	}
	dir := w.t.TempDir()
	conf := filepath.Join(dir, "tmux.conf")
	// No status line (the pane gets all 24 rows), dead panes stay to be
	// read, and Esc is a key, not a prefix.
	settings := "set -g status off\nset -g remain-on-exit on\nset -sg escape-time 0\nset -g history-limit 0\n"
	if err := os.WriteFile(conf, []byte(settings), 0o600); err != nil {
		w.t.Fatal(err)
	}
	s := &screen{t: w.t, tmux: tmux, sock: filepath.Join(dir, "s"),
		exitFile: filepath.Join(dir, "exit"), stderrFile: filepath.Join(dir, "stderr")}
	run := `"$0" "$@" 2>'` + s.stderrFile + `'; echo $? > '` + s.exitFile + `'`
	tmuxArgs := append([]string{"-S", s.sock, "-f", conf, "new-session", "-d", "-s", "mps", "-x", "80", "-y", "24", "sh", "-c", run, binary(w.t)}, args...)
	cmd := exec.Command(tmux, tmuxArgs...)
	cmd.Env = env
	cmd.Dir = w.home
	if out, err := cmd.CombinedOutput(); err != nil {
		w.t.Fatalf("starting tmux: %v\n%s", err, out)
	}
	w.t.Cleanup(func() { _ = exec.Command(tmux, "-S", s.sock, "kill-server").Run() })
	return s
}

// settledDashboard starts the dashboard and settles on texts.
func (w *world) settledDashboard(texts ...string) *screen {
	w.t.Helper()
	s := w.startDashboard()
	s.settle(texts...)
	return s
}

func (s *screen) tmuxOut(args ...string) (string, error) {
	out, err := exec.Command(s.tmux, append([]string{"-S", s.sock}, args...)...).CombinedOutput()
	return string(out), err
}

// keys types keys into the pane (tmux key names such as Enter or Escape).
func (s *screen) keys(k ...string) {
	s.t.Helper()
	if out, err := s.tmuxOut(append([]string{"send-keys", "-t", "mps"}, k...)...); err != nil {
		s.t.Fatalf("send-keys %v: %v\n%s", k, err, out)
	}
}

// text is the screen as plain text, one line per row.
func (s *screen) text() string {
	out, _ := s.tmuxOut("capture-pane", "-p", "-t", "mps")
	return out
}

// resize makes the pane x columns by y rows and waits until the program
// has drawn at that size: its footer on the new last row. Call it once the
// program has drawn a screen, when its resize handler is in place; a
// resize before that can be missed, and the program keeps the size it
// started with.
func (s *screen) resize(x, y int) {
	s.t.Helper()
	if out, err := s.tmuxOut("resize-window", "-t", "mps", "-x", strconv.Itoa(x), "-y", strconv.Itoa(y)); err != nil {
		s.t.Fatalf("resize to %dx%d: %v\n%s", x, y, err, out)
	}
	s.waitUntil(fmt.Sprintf("the program to draw at %dx%d", x, y), func(screen string) bool {
		rows := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
		return len(rows) == y && strings.TrimSpace(rows[y-1]) != ""
	})
}

// withEscapes is the screen with tmux's own rendering of attributes (-e).
func (s *screen) withEscapes() string {
	out, _ := s.tmuxOut("capture-pane", "-p", "-e", "-t", "mps")
	return out
}

// format asks tmux for a pane variable such as #{pane_title}.
func (s *screen) format(f string) string {
	out, _ := s.tmuxOut("display-message", "-p", "-t", "mps", f)
	return strings.TrimSuffix(out, "\n")
}

// exitStatus is mps's exit status, once it has ended.
func (s *screen) exitStatus() (string, bool) {
	b, err := os.ReadFile(s.exitFile)
	if err != nil || !strings.HasSuffix(string(b), "\n") {
		return "", false
	}
	return strings.TrimSpace(string(b)), true
}

// dead reports whether the program in the pane has exited.
func (s *screen) dead() bool {
	_, ended := s.exitStatus()
	return ended || s.format("#{pane_dead}") == "1"
}

// stderr is what the dashboard wrote to stderr so far.
func (s *screen) stderr() string {
	b, _ := os.ReadFile(s.stderrFile)
	return string(b)
}

// status describes how the program ended, for failure messages.
func (s *screen) status() string {
	if code, ok := s.exitStatus(); ok {
		return "exit status " + code + ", stderr: " + s.stderr()
	}
	return "no exit status"
}

// waitFor polls until every text is on the screen, and returns the screen.
// It fails at once if the program exited.
func (s *screen) waitFor(texts ...string) string {
	s.t.Helper()
	return s.waitUntil("the screen to show "+strings.Join(texts, " + "), func(screen string) bool {
		for _, want := range texts {
			if !strings.Contains(screen, want) {
				return false
			}
		}
		return true
	})
}

// waitIdle waits until every load has finished: the tab bar's "loading"
// spinner is gone.
func (s *screen) waitIdle() {
	s.t.Helper()
	s.waitUntil("every load to finish", func(screen string) bool {
		top, _, _ := strings.Cut(screen, "\n")
		return !strings.Contains(top, "loading")
	})
}

// settle waits for every text and then for every load to finish, and
// returns the screen after.
func (s *screen) settle(texts ...string) string {
	s.t.Helper()
	s.waitFor(texts...)
	s.waitIdle()
	return s.text()
}

// step sends one key and waits for texts, and returns the screen.
func (s *screen) step(key string, texts ...string) string {
	s.t.Helper()
	s.keys(key)
	return s.waitFor(texts...)
}

// press sends one key and settles on texts.
func (s *screen) press(key string, texts ...string) string {
	s.t.Helper()
	s.keys(key)
	return s.settle(texts...)
}

// waitUntil polls the screen until ok says yes.
func (s *screen) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(screenWait)
	for {
		screen := s.text()
		if ok(screen) {
			return screen
		}
		if s.dead() {
			s.t.Fatalf("mps exited (%s) while waiting for %s:\n%s", s.status(), what, screen)
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s:\n%s", what, screen)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// quit presses q and checks the program has ended well within bound.
func (s *screen) quit(bound time.Duration) {
	s.t.Helper()
	s.keys("q")
	start := time.Now()
	code, ended := s.exitStatus()
	for ; !ended; code, ended = s.exitStatus() {
		if time.Since(start) > bound {
			s.t.Fatalf("q did not quit within %v:\n%s", bound, s.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if code != "0" {
		s.t.Errorf("mps exited with status %s after q:\n%s", code, s.text())
	}
	if errText := s.stderr(); errText != "" {
		s.t.Errorf("the dashboard wrote to stderr, over its own screen:\n%s", errText)
	}
}

// alive fails the test if the program has exited.
func (s *screen) alive() {
	s.t.Helper()
	if s.dead() {
		s.t.Fatalf("mps exited (%s):\n%s", s.status(), s.text())
	}
}

// quitBound is how soon q must end the program: a liveness bound, not a
// performance figure.
const quitBound = 3 * time.Second

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// flat joins the screen's words with single spaces, so that a message the
// dashboard wrapped over several rows reads as one.
func flat(screen string) string { return strings.Join(strings.Fields(screen), " ") }

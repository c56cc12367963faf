package ui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDemoInTmux builds the real binary, runs `mps --demo` in a tmux pane,
// walks the four tabs and accepts a pending request through the dialog,
// reading the screen as a person would.
func TestDemoInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed: the end-to-end run of `mps --demo` needs it (CI installs it)")
	}
	bin := filepath.Join(t.TempDir(), "mps")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".." // the module root, where main.go is
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building mps: %v\n%s", err, out)
	}

	p := &pane{t: t, tmux: tmux, name: "mps-e2e-" + strings.ReplaceAll(t.Name(), "/", "-")}
	p.cmd("new-session", "-d", "-s", p.name, "-x", "100", "-y", "30",
		"env", "-u", "MPS_TOKEN", "NO_COLOR=1", "HOME="+t.TempDir(), "TERM=xterm-256color", bin, "--demo")
	t.Cleanup(func() { _ = exec.Command(tmux, "kill-session", "-t", p.name).Run() })

	p.waitFor("Solutions (13)", "Social OVD with Northwind")
	p.keys("2")
	p.waitFor("Needs us (4)", "Awaits partner (2)")
	p.keys("3")
	p.waitFor("Solutions by state", "Social Overdrive")
	p.keys("4")
	p.waitFor("320 WABAs")
	p.keys("2")
	p.waitFor("Needs us (4)")

	// The first request that needs us is under the cursor.
	p.keys("a")
	p.waitFor("Accept solution request?", "This cannot be undone.", "[ Cancel ]")
	p.keys("y")
	p.waitFor("Done: accept solution request", "it is now Active", "Needs us (3)")

	p.keys("1")
	p.waitFor("● Active 4")
	p.keys("q")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command(tmux, "has-session", "-t", p.name).Run() != nil {
			return // the program quit and the session closed
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("q did not quit:\n%s", p.capture())
}

type pane struct {
	t    *testing.T
	tmux string
	name string
}

func (p *pane) cmd(args ...string) string {
	p.t.Helper()
	out, err := exec.Command(p.tmux, args...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (p *pane) keys(k ...string) {
	p.t.Helper()
	p.cmd(append([]string{"send-keys", "-t", p.name}, k...)...)
}

func (p *pane) capture() string {
	out, _ := exec.Command(p.tmux, "capture-pane", "-p", "-t", p.name).CombinedOutput()
	return string(out)
}

// waitFor polls the screen until every text is on it.
func (p *pane) waitFor(texts ...string) {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		screen := p.capture()
		missing, ok := firstMissing(screen, texts)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the screen never showed %q:\n%s", missing, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

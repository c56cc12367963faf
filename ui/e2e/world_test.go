package e2e

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
)

// world is one sandbox on loopback and a home of its own for the binary:
// config, state and keyring-free environment.
type world struct {
	t       *testing.T
	sandbox *sandbox.Sandbox
	url     string
	home    string
	extra   []string // more of the child's environment (KEY=VALUE)
}

func newWorld(t *testing.T, opts sandbox.Options) *world {
	t.Helper()
	sb, srv := sandboxtest.Start(t, opts)
	return &world{t: t, sandbox: sb, url: srv.URL, home: t.TempDir()}
}

// env is the child's whole environment. The token goes here and nowhere
// else (never argv); without DBUS_SESSION_BUS_ADDRESS no real keyring is
// touched.
func (w *world) env() []string {
	return append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + w.home,
		"XDG_CONFIG_HOME=" + filepath.Join(w.home, "config"),
		"XDG_STATE_HOME=" + filepath.Join(w.home, "state"),
		"XDG_DATA_HOME=" + filepath.Join(w.home, "data"),
		"MPS_TOKEN=" + sandbox.DemoToken,
		"NO_COLOR=1",
		"LANG=C.UTF-8",
		"TERM=xterm-256color",
	}, w.extra...)
}

// globals are the flags that point the binary at this world's sandbox.
func (w *world) globals() []string {
	return []string{"--graph-url", w.url, "--app-id", sandbox.DemoAppID, "--business-id", sandbox.DemoBusinessID}
}

// cliResult is what a command printed and how it exited.
type cliResult struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// run runs one command of the binary to its end, or fails the test after
// a generous bound so that a hang shows as a failure, not a stuck suite.
func (w *world) run(args ...string) cliResult {
	w.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(w.t), append(args, w.globals()...)...)
	cmd.Env = w.env()
	cmd.Dir = w.home
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	res := cliResult{stdout: out.String(), stderr: errOut.String(), took: time.Since(start)}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		w.t.Fatalf("mps %s did not finish within 30s\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), res.stdout, res.stderr)
	case errors.As(err, &exitErr):
		res.code = exitErr.ExitCode()
	case err != nil:
		w.t.Fatalf("running mps: %v", err)
	}
	return res
}

// calls lists the Graph calls the sandbox received with this method (""
// for any) whose path contains part.
func (w *world) calls(method, part string) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range w.sandbox.Requests() {
		if (method == "" || r.Method == method) && strings.Contains(r.Path, part) {
			out = append(out, r)
		}
	}
	return out
}

// solutionsPath is the edge the solution list is read from.
const solutionsPath = "/whatsapp_business_solutions"

// ownerChain is the Fault.Param of the list's role=OWNER chain. The list
// is read as two role chains side by side; the faults and counts here
// follow one of them, so that they do not depend on which chain asks first.
const ownerChain = "role=OWNER"

// listCalls are the GETs of the solution list's role=OWNER chain.
func (w *world) listCalls() []sandbox.Request {
	var out []sandbox.Request
	for _, r := range w.calls(http.MethodGet, solutionsPath) {
		if strings.Contains(r.RawQuery, ownerChain) {
			out = append(out, r)
		}
	}
	return out
}

// expectListReads checks how many times the solution list (its
// role=OWNER chain) was asked for.
func (w *world) expectListReads(want int, why string) {
	w.t.Helper()
	if n := len(w.listCalls()); n != want {
		w.t.Errorf("the solution list was asked for %d times, want %d: %s", n, want, why)
	}
}

// fault switches a fault on in the sandbox.
func (w *world) fault(f sandbox.Fault) { w.sandbox.AddFault(f) }

// expectOneErrorLine checks a failed command's stderr is one readable line
// naming mps, free of control characters, and containing every want.
func expectOneErrorLine(t *testing.T, res cliResult, want ...string) {
	t.Helper()
	line := strings.TrimSuffix(res.stderr, "\n")
	if line == "" || strings.Contains(line, "\n") || !strings.HasPrefix(line, "mps: ") {
		t.Fatalf("stderr is not one line starting with \"mps: \":\n%q", res.stderr)
	}
	for _, r := range line {
		if r < 0x20 || r == 0x7f {
			t.Fatalf("stderr holds control character %U: %q", r, line)
		}
	}
	for _, s := range want {
		if !strings.Contains(line, s) {
			t.Errorf("stderr lacks %q: %s", s, line)
		}
	}
}

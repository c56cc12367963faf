package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// process is a command of the binary still running, for tests that act
// while it waits (interrupt it, change the sandbox).
type process struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdout lockedBuffer
	stderr lockedBuffer
	done   chan struct{}
	code   int
}

// start runs a command in the background; it is killed when the test ends.
func (w *world) start(args ...string) *process {
	w.t.Helper()
	p := &process{t: w.t, done: make(chan struct{})}
	p.cmd = exec.Command(binary(w.t), append(args, w.globals()...)...)
	p.cmd.Env = w.env()
	p.cmd.Dir = w.home
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	go func() {
		err := p.cmd.Wait()
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			p.code = exitErr.ExitCode()
		}
		close(p.done)
	}()
	w.t.Cleanup(func() {
		// SIGTERM first, so mps removes what it made; SIGKILL if it hangs.
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// waitStderr polls until stderr contains want, and returns it.
func (p *process) waitStderr(want string) string {
	p.t.Helper()
	deadline := time.Now().Add(screenWait)
	for {
		got := p.stderr.String()
		if strings.Contains(got, want) {
			return got
		}
		select {
		case <-p.done:
			p.t.Fatalf("mps exited (code %d) before saying %q; stderr:\n%s", p.code, want, p.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("mps never said %q; stderr:\n%s", want, got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// interrupt sends SIGINT (Ctrl-C) and waits up to bound for the exit.
func (p *process) interrupt(bound time.Duration) cliResult {
	p.t.Helper()
	if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
		p.t.Fatal(err)
	}
	return p.wait(bound)
}

// wait waits up to bound for the command to end; took counts from now.
func (p *process) wait(bound time.Duration) cliResult {
	p.t.Helper()
	start := time.Now()
	select {
	case <-p.done:
	case <-time.After(bound):
		p.t.Fatalf("mps did not end within %v; stderr:\n%s", bound, p.stderr.String())
	}
	return cliResult{stdout: p.stdout.String(), stderr: p.stderr.String(), code: p.code, took: time.Since(start)}
}

// lockedBuffer is a bytes.Buffer the child's output goroutine and the test
// may use at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

//go:build linux

package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The benchmarks of the real binary (first frame, bytes per scroll, RSS)
// run mps on a pseudo-terminal that this file opens with the kernel's
// /dev/ptmx: no pty module is needed, and nothing answers the terminal
// queries mps may send, as on a terminal that ignores them.

// buildMPS builds the binary once for a benchmark and its sub-benchmarks.
func buildMPS(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "mps")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".." // the module root, where main.go is
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building mps: %v\n%s", err, out)
	}
	return bin
}

// ptyChunk is one read from the terminal, stamped when it arrived.
type ptyChunk struct {
	at   time.Time
	data []byte
}

// ptyRun is a process on a pseudo-terminal; out is everything it wrote
// that a wait has consumed so far.
type ptyRun struct {
	b       *testing.B
	cmd     *exec.Cmd
	master  *os.File
	start   time.Time
	chunks  chan ptyChunk
	out     []byte
	lastAt  time.Time // when the last consumed chunk arrived
	stopped bool
}

// openPTY returns the master side and the terminal side, cols×rows big.
func openPTY(b *testing.B, cols, rows int) (master, tty *os.File) {
	b.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		b.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		b.Fatalf("unlocking the pty: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		b.Fatalf("naming the pty: %v", err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		b.Fatalf("opening the pty: %v", err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}); err != nil {
		b.Fatalf("sizing the pty: %v", err)
	}
	return master, tty
}

// startOnPTY runs bin with args on a new cols×rows terminal, as the
// session leader with the terminal as its controlling one. env is the
// whole environment. The process is ended when the benchmark ends.
func startOnPTY(b *testing.B, bin string, env []string, cols, rows int, args ...string) *ptyRun {
	b.Helper()
	master, tty := openPTY(b, cols, rows)
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	r := &ptyRun{b: b, cmd: cmd, master: master, chunks: make(chan ptyChunk, 1024)}
	r.start = time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatalf("starting %s: %v", bin, err)
	}
	tty.Close()
	go r.read()
	b.Cleanup(r.stop)
	return r
}

func (r *ptyRun) read() {
	defer close(r.chunks)
	for {
		buf := make([]byte, 64<<10)
		n, err := r.master.Read(buf)
		if n > 0 {
			r.chunks <- ptyChunk{at: time.Now(), data: buf[:n]}
		}
		if err != nil {
			return
		}
	}
}

// stop ends the process and the terminal; it may be called again.
func (r *ptyRun) stop() {
	if r.stopped {
		return
	}
	r.stopped = true
	if r.cmd.ProcessState == nil {
		// SIGTERM first, so mps removes what it made (the demo's temporary
		// event log); SIGKILL only if it does not end in time.
		_ = r.cmd.Process.Signal(syscall.SIGTERM)
		stopped := time.AfterFunc(5*time.Second, func() { _ = r.cmd.Process.Kill() })
		_ = r.cmd.Wait()
		stopped.Stop()
	}
	r.master.Close()
	for range r.chunks {
		// drained so the reader ends
	}
}

// env is a bare environment for mps: its own home and config directory,
// no keyring bus, a colour terminal.
func ptyEnv(b *testing.B, extra ...string) []string {
	home := b.TempDir()
	return append([]string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"), "PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color", "LANG=C.UTF-8"}, extra...)
}

// waitFor reads until the output holds text and returns when the byte
// that completed it arrived, counted from the start of the process.
func (r *ptyRun) waitFor(text string, limit time.Duration) time.Duration {
	r.b.Helper()
	deadline := time.After(limit)
	for {
		if bytes.Contains(r.out, []byte(text)) {
			return r.lastAt.Sub(r.start) // it was there before this wait
		}
		select {
		case c, ok := <-r.chunks:
			if !ok {
				r.b.Fatalf("mps ended before writing %q; it wrote:\n%q", text, r.tail())
			}
			r.take(c)
		case <-deadline:
			r.b.Fatalf("mps did not write %q within %v; it wrote:\n%q", text, limit, r.tail())
		}
	}
}

// quiet reads until nothing arrives for gap, and returns how many bytes
// arrived meanwhile.
func (r *ptyRun) quiet(gap, limit time.Duration) int {
	r.b.Helper()
	deadline := time.After(limit)
	n := 0
	for {
		select {
		case c, ok := <-r.chunks:
			if !ok {
				r.b.Fatalf("mps ended; it wrote:\n%q", r.tail())
			}
			r.take(c)
			n += len(c.data)
		case <-time.After(gap):
			return n
		case <-deadline:
			r.b.Fatalf("the terminal never went quiet for %v within %v; the last bytes:\n%q", gap, limit, r.tail())
		}
	}
}

func (r *ptyRun) take(c ptyChunk) {
	r.out = append(r.out, c.data...)
	r.lastAt = c.at
}

// send types keys into the terminal.
func (r *ptyRun) send(keys string) {
	r.b.Helper()
	if _, err := r.master.Write([]byte(keys)); err != nil {
		r.b.Fatalf("typing %q: %v", keys, err)
	}
}

func (r *ptyRun) tail() []byte {
	return r.out[max(len(r.out)-2000, 0):]
}

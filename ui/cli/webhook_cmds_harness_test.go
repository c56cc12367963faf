package cli

import (
	"bytes"
	"context"
	"regexp"
	"sync"
	"testing"
	"time"

	"mps/graph/webhook"
	"mps/store"
	"mps/store/eventlog"
	"mps/ui/readmodel"
)

const (
	hookSecret = "cli-test-app-secret"
	hookVerify = "cli-test-verify-token"
)

// withStateDir gives the harness a private state directory and returns the
// default profile's event log path in it.
func (h *harness) withStateDir() string {
	h.t.Helper()
	h.env["XDG_STATE_HOME"] = h.t.TempDir()
	path, err := eventlog.DefaultPath(store.DefaultProfile, func(k string) string { return h.env[k] })
	if err != nil {
		h.t.Fatal(err)
	}
	return path
}

// storeDeliveries parses bodies as the receiver would and appends them to
// the event log at path, received at the given time.
func storeDeliveries(t *testing.T, path string, received time.Time, bodies ...[]byte) {
	t.Helper()
	l, err := eventlog.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, b := range bodies {
		changes, err := webhook.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		for i := range changes {
			changes[i].Received = received
		}
		if _, err := l.Append(context.Background(), readmodel.Events(changes)); err != nil {
			t.Fatal(err)
		}
	}
}

// syncBuffer is an output a test can read while a command still writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a command started in the background.
type running struct {
	stdout, stderr *syncBuffer
	cancel         context.CancelFunc
	exit           chan int
}

// start runs mps in the background until stop is called.
func (h *harness) start(args ...string) *running {
	h.t.Helper()
	r := &running{stdout: &syncBuffer{}, stderr: &syncBuffer{}, exit: make(chan int, 1)}
	env := Env{
		Stdout:  r.stdout,
		Stderr:  r.stderr,
		Getenv:  func(k string) string { return h.env[k] },
		Keyring: h.keyring, ConfigDir: h.configDir,
		Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) },
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.exit <- Main(ctx, args, env) }()
	return r
}

// url waits for the receiver to say where it listens.
func (r *running) url(t *testing.T) string {
	t.Helper()
	listeningAt := regexp.MustCompile(`Receiving webhooks at (https?://\S+)`)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := listeningAt.FindStringSubmatch(r.stdout.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-r.exit:
			t.Fatalf("the receiver exited (%d) before listening\nstdout: %s\nstderr: %s", code, r.stdout, r.stderr)
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("the receiver did not say where it listens:\n%s", r.stdout)
	return ""
}

// stop interrupts the command and returns its exit code.
func (r *running) stop(t *testing.T) int {
	t.Helper()
	r.cancel()
	select {
	case code := <-r.exit:
		return code
	case <-time.After(30 * time.Second):
		t.Fatal("the command did not stop")
		return -1
	}
}

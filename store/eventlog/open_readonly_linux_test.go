//go:build linux

package eventlog

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// envReadOnlyLog names the log the child process reads as another user.
const envReadOnlyLog = "MPS_TEST_READ_ONLY_LOG"

// TestOpenExistingReadsALogItMayNotWrite reads a log in a directory and
// files the reader may not write, while its writer has it open and after
// the writer has closed it. As root, which may write anything, the read
// runs in a child process as the user nobody.
func TestOpenExistingReadsALogItMayNotWrite(t *testing.T) {
	if path := os.Getenv(envReadOnlyLog); path != "" {
		readAndReport(path)
		return
	}
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "mps-readonly-log-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700); os.RemoveAll(dir) })
	path := filepath.Join(dir, FileName)
	w, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Append(ctx, []Event{partnerAdded("k1", "101", "9", t0()), partnerAdded("k2", "102", "9", t0())}); err != nil {
		t.Fatal(err)
	}
	readOnly := func() {
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			if err := os.Chmod(p, 0o444); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
	}
	readOnly()
	if got := readAsAnotherUser(t, path); got != "2 events" {
		t.Fatalf("with the writer open, the reader saw %q, want 2 events", got)
	}
	os.Chmod(dir, 0o700)
	w.Close()
	readOnly()
	if got := readAsAnotherUser(t, path); got != "2 events" {
		t.Fatalf("with the writer closed, the reader saw %q, want 2 events", got)
	}
}

func readAndReport(path string) {
	l, err := OpenExisting(context.Background(), path)
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer l.Close()
	events, err := l.List(context.Background(), Query{})
	if err != nil {
		fmt.Println("list:", err)
		return
	}
	fmt.Printf("%d events\n", len(events))
}

func readAsAnotherUser(t *testing.T, path string) string {
	t.Helper()
	cmd := exec.Command(runnableCopy(t), "-test.run=^TestOpenExistingReadsALogItMayNotWrite$")
	cmd.Env = append(os.Environ(), envReadOnlyLog+"="+path)
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Dir = "/"
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the reader failed: %v\n%s", err, out)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return line
}

// runnableCopy is this test binary where another user may run it: go test
// builds it in a directory only its user may enter.
func runnableCopy(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		return os.Args[0]
	}
	bin, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "mps-readonly-reader-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	copyPath := filepath.Join(dir, "reader.test")
	if err := os.WriteFile(copyPath, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return copyPath
}

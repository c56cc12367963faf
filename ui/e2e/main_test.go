// Package e2e is the fault suite: end-to-end tests that run the built mps
// binary, as commands and as the dashboard in tmux, against a sandbox in
// the test process with faults switched on. Each test checks what the
// person sees and what the server received.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestMain builds the binary once for every test, into a directory removed
// afterwards. The path reaches the tests through the environment, so the
// package keeps no mutable state of its own.
func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

const binaryEnv = "MPS_E2E_BINARY"

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "mps-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "mps")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = filepath.Join("..", "..") // the module root, where main.go is
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building mps: %v\n%s", err, out)
		return 1
	}
	if err := os.Setenv(binaryEnv, bin); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}

// binary is the path of the mps built for this run.
func binary(t *testing.T) string {
	t.Helper()
	bin := os.Getenv(binaryEnv)
	if bin == "" {
		t.Fatal("the mps binary was not built (TestMain sets " + binaryEnv + ")")
	}
	return bin
}

// Package e2e is the fault suite: end-to-end tests that run the built mps
// binary, as commands and as the dashboard in tmux (80x24, one private tmux
// server per test), against a sandbox in the test process with faults
// switched on, and once as `mps --demo`. Each test checks what the person
// sees and what the server received.
//
//	go test -race ./ui/e2e/                          the suite (about 20 s)
//	MPS_E2E_LONG=1 go test -run Regain ./ui/e2e/     also wait out a real one-minute 80008 throttle
//
// The dashboard tests skip when tmux is not installed; -short skips all.
package e2e

import (
	"flag"
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
	flag.Parse()
	if testing.Short() {
		return m.Run() // every test skips: nothing to build
	}
	dir, err := os.MkdirTemp("", "mps-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "mps")
	args := []string{"build", "-o", bin}
	if raceBuild {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, ".")...)
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
	if testing.Short() {
		t.Skip("builds and runs the mps binary; skipped with -short")
	}
	bin := os.Getenv(binaryEnv)
	if bin == "" {
		t.Fatal("the mps binary was not built (TestMain sets " + binaryEnv + ")")
	}
	return bin
}

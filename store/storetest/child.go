package storetest

import (
	"io"
	"os"
	"os/exec"
	"testing"
)

// Child is this test binary run again for the test named test alone, with
// env (KEY=VALUE) added to its environment: a process of its own, for
// tests of what a store keeps when another process writes or is killed.
func Child(test string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// ChildValue is the value of key, the variable a parent test gave Child;
// when it is unset, the test is not running as that child and is skipped.
func ChildValue(t testing.TB, key, parent string) string {
	t.Helper()
	v := os.Getenv(key)
	if v == "" {
		t.Skip("helper for " + parent)
	}
	return v
}

// StartChild starts Child(test, env...) with its standard error on ours,
// and returns its standard output to read.
func StartChild(t testing.TB, test string, env ...string) (*exec.Cmd, io.ReadCloser) {
	t.Helper()
	cmd := Child(test, env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out
}

// KillChild kills cmd with SIGKILL, as a crash would, and waits for it;
// its "signal: killed" is the expected outcome.
func KillChild(t testing.TB, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
}

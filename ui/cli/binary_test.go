package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mps/graph/sandbox"
)

// TestBuiltBinaryDemo builds mps and runs a few commands with --demo, to
// prove main.go's wiring: flags, environment, the in-process sandbox and
// exit codes of the real process.
func TestBuiltBinaryDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := buildMPS(t)
	tmp := t.TempDir()
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		// A bare environment: no keyring bus, no token, a config dir and TMPDIR of its own.
		cmd.Env = []string{"HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "TMPDIR=" + tmp}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		if exitErr, ok := err.(*exec.ExitError); ok {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), errOut.String(), code
	}

	out, errOut, code := run("--demo", "solutions", "--json")
	var sols []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &sols) != nil || len(sols) == 0 {
		t.Fatalf("--demo solutions --json: exit %d, %d items\n%s\n%s", code, len(sols), out, errOut)
	}
	for _, key := range []string{"id", "status", "display_state", "our_role", "allowed_actions"} {
		if _, ok := sols[0][key]; !ok {
			t.Errorf("a solution lacks %q: %v", key, sols[0])
		}
	}

	out, errOut, code = run("customers", "--demo", "--json")
	var wabas []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &wabas) != nil {
		t.Fatalf("customers --demo --json: exit %d\n%s", code, errOut)
	}
	if want := len(sandbox.New(sandbox.Options{}).WABAs()); len(wabas) != want {
		t.Errorf("the demo listed %d customers, its sandbox has %d", len(wabas), want)
	}

	out, errOut, code = run("--demo", "events", "--json")
	var events []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &events) != nil {
		t.Fatalf("--demo events --json: exit %d\n%s", code, errOut)
	}
	replayed := 0 // each replayed payload holds one change
	sb := sandbox.New(sandbox.Options{})
	sb.OnWebhook(func([]byte) { replayed++ })
	sb.ReplayHistory()
	if len(events) != replayed || replayed == 0 {
		t.Errorf("the demo listed %d events, its sandbox replays %d", len(events), replayed)
	}
	if left, err := os.ReadDir(tmp); err != nil || len(left) > 0 {
		t.Errorf("the demo left %d files in TMPDIR (%v)", len(left), err)
	}

	if _, errOut, code = run("solutions", "--app-id", "123", "--profile", "mps-binary-test-no-such-profile", "--graph-url", "http://127.0.0.1:1"); code != ExitAuth || !strings.Contains(errOut, "MPS_TOKEN") {
		t.Errorf("solutions without a token: exit %d, %s", code, errOut)
	}
	if _, _, code = run("--demo", "no-such-command"); code != ExitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, ExitUsage)
	}
	if out, _, code = run("--version"); code != 0 || !strings.HasPrefix(out, "mps ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// buildMPS builds the mps binary into a temporary directory and returns its path.
func buildMPS(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mps")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mps/store"
)

// A config file that is a link into a dotfiles repository stays a link,
// and its target keeps its mode, through profile set and profile show.
func TestProfileSetWritesThroughASymlinkedConfig(t *testing.T) {
	h := loggedOut(t)
	target := filepath.Join(t.TempDir(), "dotfiles", "mps.json")
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte(`{"profiles": {"default": {"app_id": "111"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(target, 0o644)
	link := store.ConfigPath(h.configDir)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}

	r := h.mustRun("profile", "set", "--business-id", "222")
	if !strings.Contains(r.stderr, "link") || !strings.Contains(r.stderr, "chmod 600 "+target) {
		t.Errorf("no warning about the link's open target: %q", r.stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("profile set replaced the link: %v, %v", info.Mode(), err)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o644 {
		t.Errorf("the target's mode became %04o", info.Mode().Perm())
	}
	data, _ := os.ReadFile(target)
	if !strings.Contains(string(data), `"222"`) || !strings.Contains(string(data), `"111"`) {
		t.Errorf("the target does not hold the edit:\n%s", data)
	}
}

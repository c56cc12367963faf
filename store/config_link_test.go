//go:build unix

package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mps/store"
)

// linkedConfig is a config file that is a symbolic link to a 0644 file in
// another directory, as a dotfiles manager makes it.
func linkedConfig(t *testing.T) (dir, link, target string) {
	t.Helper()
	dir = t.TempDir()
	link = store.ConfigPath(dir)
	targetDir := t.TempDir()
	target = filepath.Join(targetDir, "mps-config.json")
	if err := os.WriteFile(target, []byte(`{"profiles": {"default": {"app_id": "1"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(target, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	return dir, link, target
}

func TestReadingASymlinkedConfigLeavesItsTargetsMode(t *testing.T) {
	dir, _, target := linkedConfig(t)
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := cfg.Profile("default"); p.AppID != "1" {
		t.Errorf("read through the link: %+v", p)
	}
	if m := mode(t, target); m != 0o644 {
		t.Errorf("reading the link changed its target's mode to %04o", m)
	}
	if w := strings.Join(cfg.Warnings, "\n"); !strings.Contains(w, "0644") || !strings.Contains(w, "link") || !strings.Contains(w, "chmod 600 "+target) {
		t.Errorf("warnings %q do not say the target is open and how to close it", cfg.Warnings)
	}
}

func TestSavingThroughASymlinkKeepsTheLinkAndWritesItsTarget(t *testing.T) {
	dir, link, target := linkedConfig(t)
	if err := store.SaveConfig(dir, sampleConfig(t)); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(link)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the save replaced the link with a %v file", info.Mode())
	}
	if m := mode(t, target); m != 0o644 {
		t.Errorf("the save changed the target's mode to %04o", m)
	}
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := cfg.Profile("staging"); p.AppID != "42" {
		t.Errorf("the target does not hold the saved config: %+v", cfg.Profiles)
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("%d entries beside the target, want 1 (temp files not cleaned)", len(entries))
	}
}

func TestSavingThroughADanglingSymlinkSaysWhy(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "gone", "config.json"), store.ConfigPath(dir)); err != nil {
		t.Fatal(err)
	}
	err := store.SaveConfig(dir, sampleConfig(t))
	if err == nil || !strings.Contains(err.Error(), "leads nowhere") {
		t.Fatalf("SaveConfig through a dangling link: %v", err)
	}
	if _, err := os.Lstat(store.ConfigPath(dir)); err != nil {
		t.Errorf("the link is gone: %v", err)
	}
}

func TestAHardLinkedConfigKeepsTheOtherFilesMode(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(t.TempDir(), "shared.json")
	if err := os.WriteFile(other, []byte(`{"profiles": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(other, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(other, store.ConfigPath(dir)); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(t, other); m != 0o644 {
		t.Errorf("reading a hard-linked config changed the other file's mode to %04o", m)
	}
	if w := strings.Join(cfg.Warnings, "\n"); !strings.Contains(w, "hard links") {
		t.Errorf("warnings %q do not say why the mode was kept", cfg.Warnings)
	}
}

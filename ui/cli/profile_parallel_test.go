package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"mps/store"
	"mps/store/storetest"
)

// The child process of TestParallelProfileEditsAreAllKept: one mps command
// on the config directory the parent names.
const (
	childConfigDirEnv = "MPS_TEST_CHILD_CONFIG_DIR"
	childArgsEnv      = "MPS_TEST_CHILD_ARGS"
)

func TestProfileEditChildProcess(t *testing.T) {
	dir := os.Getenv(childConfigDirEnv)
	if dir == "" {
		t.Skip("a child process of TestParallelProfileEditsAreAllKept")
	}
	env := Env{Stdout: os.Stdout, Stderr: os.Stderr, Keyring: storetest.NewMemoryKeyring(), ConfigDir: dir, Now: harnessNow}
	os.Exit(Main(context.Background(), strings.Fields(os.Getenv(childArgsEnv)), env))
}

// Separate processes, as separate shells would run them, each add a
// partner at once; every one is kept.
func TestParallelProfileEditsAreAllKept(t *testing.T) {
	const n = 24
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			child := exec.Command(os.Args[0], "-test.run=^TestProfileEditChildProcess$")
			child.Env = append(os.Environ(), childConfigDirEnv+"="+dir,
				childArgsEnv+"="+fmt.Sprintf("profile add-partner %d --name p%d", 1000+i, i))
			if out, err := child.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("add-partner %d: %v\n%s", 1000+i, err, out)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := cfg.Profile(store.DefaultProfile)
	kept := map[string]bool{}
	for _, partner := range p.Partners {
		kept[partner.BusinessID] = true
	}
	for i := range n {
		if id := fmt.Sprint(1000 + i); !kept[id] {
			t.Errorf("partner %s was lost", id)
		}
	}
	if len(p.Partners) != n {
		t.Errorf("%d partners saved, want %d", len(p.Partners), n)
	}
}

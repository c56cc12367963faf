package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func TestConfigLockHeldElsewhereTimesOutWithAClearError(t *testing.T) {
	dir := t.TempDir()
	other := flock.New(ConfigLockPath(dir))
	if err := other.Lock(); err != nil {
		t.Fatal(err)
	}
	defer other.Unlock()

	start := time.Now()
	unlock, err := lockConfigWithin(context.Background(), dir, 150*time.Millisecond)
	if err == nil {
		unlock()
		t.Fatal("took the config's lock while another holder had it")
	}
	if waited := time.Since(start); waited < 150*time.Millisecond {
		t.Errorf("gave up after %v, before its patience of 150ms", waited)
	}
	for _, want := range []string{"another mps is editing", ConfigLockPath(dir), "try again"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}

	other.Unlock()
	unlock, err = lockConfigWithin(context.Background(), dir, time.Second)
	if err != nil {
		t.Fatalf("lock released, still: %v", err)
	}
	unlock()
}

package eventlog_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"mps/store/eventlog"
	"mps/store/eventlog/eventlogtest"
)

// A writer that holds the lock past a reader-writer's busy timeout makes the
// second writer fail with an error IsBusy recognises; other errors are not
// mistaken for it.
func TestIsBusyRecognisesAHeldLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), eventlog.FileName)
	log, err := eventlog.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()

	err = eventlogtest.BusyError(t, path)
	if !eventlog.IsBusy(fmt.Errorf("listing events: %w", err)) {
		t.Fatalf("IsBusy(wrapped %v) = false, want true", err)
	}
	if eventlog.IsBusy(errors.New("database is locked")) || eventlog.IsBusy(nil) || eventlog.IsBusy(context.Canceled) {
		t.Fatal("IsBusy is true for an error that is not SQLite's busy code")
	}
}

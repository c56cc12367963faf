package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
)

// A writer that holds the lock past a reader-writer's busy timeout makes the
// second writer fail with an error IsBusy recognises; other errors are not
// mistaken for it.
func TestIsBusyRecognisesAHeldLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	log := openAt(t, path)

	holder, err := log.db.BeginTx(ctx, nil) // _txlock=immediate: takes the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()

	impatient, err := sql.Open("sqlite", path+"?_txlock=immediate&_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer impatient.Close()
	_, err = impatient.BeginTx(ctx, nil)
	if err == nil {
		t.Fatal("a second writer got the lock while the first held it")
	}
	if !IsBusy(err) || !IsBusy(fmt.Errorf("listing events: %w", err)) {
		t.Fatalf("IsBusy(%v) = false, want true (also when wrapped)", err)
	}
	if IsBusy(errors.New("database is locked")) || IsBusy(nil) || IsBusy(context.Canceled) {
		t.Fatal("IsBusy is true for an error that is not SQLite's busy code")
	}
}

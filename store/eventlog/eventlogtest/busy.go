package eventlogtest

import (
	"context"
	"database/sql"
	"testing"

	"mps/store/eventlog"
)

// BusyError is the error SQLite gives a second writer while a first one
// holds the lock of the log at path: what a reader sees while the receiver
// is mid-write. It fails t unless the second writer is refused with an error
// eventlog.IsBusy recognises.
func BusyError(t testing.TB, path string) error {
	t.Helper()
	ctx := context.Background()
	holder, err := sql.Open("sqlite", path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.BeginTx(ctx, nil) // _txlock=immediate: takes the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	impatient, err := sql.Open("sqlite", path+"?_txlock=immediate&_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer impatient.Close()
	_, err = impatient.BeginTx(ctx, nil)
	if err == nil {
		t.Fatal("a second writer got the lock while the first held it")
	}
	if !eventlog.IsBusy(err) {
		t.Fatalf("holding the lock gave %v, not a busy error", err)
	}
	return err
}

package eventlog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenExistingSaysThereIsNoLogAndCreatesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "profile")
	_, err := OpenExisting(context.Background(), filepath.Join(dir, FileName))
	if !errors.Is(err, ErrNoLog) {
		t.Fatalf("OpenExisting of a missing log = %v, want ErrNoLog", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("OpenExisting made %s (stat: %v); a reader must not create the log", dir, err)
	}
}

func TestOpenExistingReadsWhatAWriterStoredAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "profile", FileName)
	w := logs().At(t, path)
	if _, err := w.Append(ctx, []Event{partnerAdded("k1", "101", "9", t0())}); err != nil {
		t.Fatal(err)
	}
	r, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.List(ctx, Query{})
	if err != nil || len(got) != 1 || got[0].WABAID != "101" {
		t.Fatalf("List = %v, %v; want the one event the writer stored", got, err)
	}
	if _, err := r.Append(ctx, []Event{partnerAdded("k2", "102", "9", t0())}); err == nil {
		t.Fatal("Append through a log opened by OpenExisting worked; it must be read-only")
	}
	// The writer's later events show through the reader's connection.
	if _, err := w.Append(ctx, []Event{partnerAdded("k3", "103", "9", t0())}); err != nil {
		t.Fatal(err)
	}
	if got, err := r.List(ctx, Query{}); err != nil || len(got) != 2 {
		t.Fatalf("after a second write, List = %d events, %v; want 2", len(got), err)
	}
}

func TestOpenExistingUpgradesAnOlderLogItMayWrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	old, err := open(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	r, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatalf("OpenExisting of a schema-1 log: %v", err)
	}
	defer r.Close()
	var version int
	if err := r.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() {
		t.Fatalf("schema version after OpenExisting = %d (%v), want %d", version, err, SchemaVersion())
	}
}

func TestOpenExistingRefusesANewerLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	l := logs().At(t, path)
	if _, err := l.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenExisting(ctx, path); err == nil || !strings.Contains(err.Error(), "upgrade mps") {
		t.Fatalf("OpenExisting of a schema-99 log = %v, want a message to upgrade mps", err)
	}
}

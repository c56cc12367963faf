//go:build unix

package eventlog

import (
	"context"
	"os"
	"testing"
)

// sideFiles are the database and the files SQLite keeps beside it in WAL mode.
func sideFiles(path string) []string { return []string{path, path + "-wal", path + "-shm"} }

func wantPrivate(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if m := info.Mode().Perm(); m != 0o600 {
			t.Errorf("%s has mode %04o, want 0600", p, m)
		}
	}
}

func TestTheLogAndItsWALFilesArePrivate(t *testing.T) {
	l := logs().Temp(t)
	if _, err := l.Append(context.Background(), []Event{partnerAdded("k1", "1", "S", t0())}); err != nil {
		t.Fatal(err)
	}
	wantPrivate(t, sideFiles(l.Path()))
}

// A log opened by an mps from before has 0644 side files while it runs;
// the next open tightens them, they being SQLite's for mps's own log.
func TestOpenTightensTheSideFilesOfAnOlderLog(t *testing.T) {
	older := logs().Temp(t)
	if _, err := older.Append(context.Background(), []Event{partnerAdded("k1", "1", "S", t0())}); err != nil {
		t.Fatal(err)
	}
	for _, p := range sideFiles(older.Path())[1:] {
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	logs().At(t, older.Path())
	wantPrivate(t, sideFiles(older.Path()))
}

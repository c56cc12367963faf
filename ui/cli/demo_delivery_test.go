package cli

import (
	"context"
	"os"
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store/eventlog"
)

// TestDemoLogStoresWhatTheSourceSends replays a sandbox's history through
// the demo's signed loopback path and finds every payload's change in the log, stamped
// with its own time, its entry.time, not the clock's: the history happened
// over the past week. Close removes the log's directory.
func TestDemoLogStoresWhatTheSourceSends(t *testing.T) {
	now := harnessNow()
	sb := sandbox.New(sandbox.Options{Now: harnessNow, Seed: 7})
	// Each replayed payload holds one change.
	var sent [][]byte
	sb.OnWebhook(func(payload []byte) { sent = append(sent, payload) })
	d, err := startDemoLog(context.Background(), sb, harnessNow)
	if err != nil {
		t.Fatal(err)
	}
	sb.ReplayHistory()
	stored, err := d.Log.List(context.Background(), eventlog.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sent) == 0 || len(stored) != len(sent) {
		t.Fatalf("the log holds %d changes, the sandbox sent %d", len(stored), len(sent))
	}
	for i, e := range stored {
		if !e.Known || e.EntryTime.IsZero() || !e.Received.Equal(e.EntryTime) || !e.Received.Before(now) || !strings.Contains(string(sent[i]), e.Event) {
			t.Errorf("stored %d: %s received %s (understood %t), sent %s", i, e.Event, e.Received, e.Known, sent[i])
		}
	}
	dir := d.Dir()
	d.Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Close left %s: %v", dir, err)
	}
}

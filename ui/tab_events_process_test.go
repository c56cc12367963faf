package ui

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/store/eventlog"
	"mps/store/storetest"
	"mps/ui/readmodel"
)

const (
	writerLogEnv   = "MPS_UI_TEST_EVENT_WRITER_LOG"
	writerBatches  = 100
	writerPerBatch = 3
)

// TestEventWriterProcess stores deliveries through the receiver's sink, in a
// process of its own; it does nothing unless the test below starts it.
func TestEventWriterProcess(t *testing.T) {
	path := storetest.ChildValue(t, writerLogEnv, "TestEventsTabReadsWhileAnotherProcessWrites")
	ctx := context.Background()
	l, err := eventlog.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	sink := readmodel.LogSink{Log: l}
	for b := range writerBatches {
		body := fmt.Appendf(nil, `{"object":"whatsapp_business_account","entry":[{"id":"1","time":%d,"changes":[`, 1764000000+b)
		for i := range writerPerBatch {
			if i > 0 {
				body = append(body, ',')
			}
			body = fmt.Appendf(body, `{"field":"partner_solutions","value":{"event":"SOLUTION_UPDATED","solution_id":"%d","solution_status":"ACTIVE"}}`, b*writerPerBatch+i)
		}
		body = append(body, "]}]}"...)
		changes, err := webhook.Parse(body)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sink.Store(ctx, changes); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestEventsTabReadsWhileAnotherProcessWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), eventlog.FileName)
	h := newHarnessConfig(t, 120, 40, sandbox.Options{WABAs: -1}, func(_ *sandbox.Sandbox, c *Config) {
		c.EventLog = EventLogAt(path)
		c.EventLog.PollEvery = testPollEvery
	})
	writer := storetest.Child("TestEventWriterProcess", writerLogEnv+"="+path)
	var out bytes.Buffer // read only after Wait
	writer.Stdout, writer.Stderr = &out, &out
	if err := writer.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- writer.Wait() }()
	e, _ := h.eventsTab()
	reads := 0
	for running := true; running; reads++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("writer process: %v\n%s", err, out.String())
			}
			running = false
		default:
		}
		h.tick()
		if e.load.err != nil {
			t.Fatalf("read %d failed while the other process wrote: %v", reads, e.load.err)
		}
	}
	h.tick()
	if want := writerBatches * writerPerBatch; e.list.Len() != want {
		t.Fatalf("the tab shows %d events after %d reads, want %d", e.list.Len(), reads, want)
	}
}

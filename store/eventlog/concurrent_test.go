package eventlog

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"mps/store/storetest"
)

const (
	helperEnv     = "MPS_EVENTLOG_TEST_WRITER" // path of the log the helper writes
	helperPrefix  = "MPS_EVENTLOG_TEST_PREFIX"
	writerBatches = 100
	batchSize     = 5
)

// writeBatches appends writerBatches batches of batchSize new events.
func writeBatches(ctx context.Context, l *Log, prefix string) error {
	for b := range writerBatches {
		batch := make([]Event, batchSize)
		for i := range batch {
			batch[i] = partnerAdded(fmt.Sprintf("%s-%d-%d", prefix, b, i), fmt.Sprint(b*batchSize+i), prefix, t0())
		}
		n, err := l.Append(ctx, batch)
		if err != nil {
			return err
		}
		if n != batchSize {
			return fmt.Errorf("batch %d: inserted %d, want %d", b, n, batchSize)
		}
	}
	return nil
}

// tail reads the log by AfterID until stop is closed and a last read finds
// nothing new, checking IDs only grow. It returns how many rows it saw.
func tail(ctx context.Context, l *Log, stop <-chan struct{}) (int, error) {
	var last int64
	seen := 0
	for {
		select {
		case <-stop:
			rows, err := l.List(ctx, Query{AfterID: last})
			return seen + len(rows), err
		default:
		}
		rows, err := l.List(ctx, Query{AfterID: last, Limit: 50})
		if err != nil {
			return seen, err
		}
		for _, r := range rows {
			if r.ID <= last {
				return seen, fmt.Errorf("id %d after %d", r.ID, last)
			}
			last = r.ID
		}
		seen += len(rows)
		time.Sleep(time.Millisecond)
	}
}

func TestConcurrentWriterAndReaderGoroutines(t *testing.T) {
	ctx := context.Background()
	logs().Each(t, func(t *testing.T, eng engine) {
		at := eng.Fresh(t)
		writer := logs().At(t, at)
		reader := logs().At(t, at) // a second connection pool, as another process would have

		stop := make(chan struct{})
		var wg sync.WaitGroup
		var readErr error
		var seen int
		wg.Go(func() { seen, readErr = tail(ctx, reader, stop) })
		werr := writeBatches(ctx, writer, "g")
		close(stop)
		wg.Wait()
		if werr != nil || readErr != nil {
			t.Fatalf("writer: %v; reader: %v", werr, readErr)
		}
		if seen != writerBatches*batchSize {
			t.Fatalf("reader saw %d rows, want %d", seen, writerBatches*batchSize)
		}
	})
}

// TestWriterProcess is the other process of the two-process test; it does
// nothing unless started by it.
func TestWriterProcess(t *testing.T) {
	at := storetest.ChildValue(t, helperEnv, "TestTwoProcessesWriteAndRead")
	l, err := logs().Either(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := writeBatches(context.Background(), l, os.Getenv(helperPrefix)); err != nil {
		t.Fatal(err)
	}
}

// Two writer processes and a reader that tails the log by AfterID: the
// reader sees every row once. On PostgreSQL this needs IDs given in commit
// order (appendLock): a row whose ID was taken before another's commit and
// committed after it would be passed over.
func TestTwoProcessesWriteAndRead(t *testing.T) {
	ctx := context.Background()
	logs().Each(t, func(t *testing.T, eng engine) {
		at := eng.Fresh(t)
		reader := logs().At(t, at)

		var writers []*exec.Cmd
		for _, prefix := range []string{"p1", "p2"} {
			cmd := storetest.Child("TestWriterProcess", helperEnv+"="+at, helperPrefix+"="+prefix)
			out := &lockedBuffer{}
			cmd.Stdout, cmd.Stderr = out, out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("writer %s output:\n%s", prefix, out.String())
				}
			})
			writers = append(writers, cmd)
		}
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var seen int
		var readErr error
		wg.Go(func() { seen, readErr = tail(ctx, reader, stop) })
		for _, w := range writers {
			if err := w.Wait(); err != nil {
				t.Errorf("writer process: %v", err)
			}
		}
		close(stop)
		wg.Wait()
		if readErr != nil {
			t.Fatalf("reader: %v", readErr)
		}
		if want := 2 * writerBatches * batchSize; seen != want {
			t.Fatalf("reader saw %d rows, want %d", seen, want)
		}
	})
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

func TestOpeningACurrentLogDoesNotWaitForAWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	writer := logs().At(t, path)
	tx, err := writer.db.BeginTx(ctx, nil) // holds the write lock (_txlock=immediate)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	shortCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	reader, err := Open(shortCtx, path)
	if err != nil {
		t.Fatalf("opening while another connection writes: %v", err)
	}
	defer reader.Close()
	if _, err := reader.List(shortCtx, Query{}); err != nil {
		t.Fatalf("reading while another connection writes: %v", err)
	}
}

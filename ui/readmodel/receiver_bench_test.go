package readmodel

import (
	"context"
	"net/http"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store/eventlog"
	"mps/store/postgres"
	"mps/store/storetest"
)

const senders8 = 8

// BenchmarkReceiver is the receiver's throughput: signed deliveries of one
// PARTNER_ADDED each, from 8 senders at once over loopback HTTP, each
// answered 200 only once committed, into a SQLite event log and into one on
// PostgreSQL (the test server of MPS_TEST_POSTGRES), in one run so that
// .ci/bench gives their ratio. Every delivery is new: none is a duplicate.
func BenchmarkReceiver(b *testing.B) {
	ctx := context.Background()
	engines := []struct {
		name string
		open func(b *testing.B) (*eventlog.Log, error)
	}{
		{"sqlite", func(b *testing.B) (*eventlog.Log, error) {
			return eventlog.Open(ctx, filepath.Join(b.TempDir(), eventlog.FileName))
		}},
		{"postgres", func(b *testing.B) (*eventlog.Log, error) {
			return eventlog.OpenPostgres(ctx, storetest.Postgres(b), postgres.Options{})
		}},
	}
	var next atomic.Int64 // delivery numbers, unique across the run
	for _, e := range engines {
		// One log and one receiver per engine, made once: b.Run calls its
		// function again for each b.N it tries.
		l, err := e.open(b)
		if err != nil {
			b.Fatal(err)
		}
		defer l.Close()
		url := serveReceiver(b, l)
		client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
		b.Run("engine="+e.name, func(b *testing.B) {
			var failed atomic.Int64
			send := func() {
				body, signature := signedDelivery(int(next.Add(1)))
				if status, err := webhooktest.Deliver(client, url, body, signature); status != http.StatusOK || err != nil {
					failed.Add(1)
				}
			}
			for range senders8 { // the connections, to the receiver and to the database, are open before the clock starts
				send()
			}
			b.SetParallelism(max(1, senders8/runtime.GOMAXPROCS(0))) // about 8 senders in all
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					send()
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "deliveries/s")
			if n := failed.Load(); n > 0 {
				b.Fatalf("%d deliveries were not answered 200", n)
			}
		})
	}
}

// serveReceiver serves the receiver on l until the benchmark ends, and
// returns its URL.
func serveReceiver(b *testing.B, l *eventlog.Log) string {
	b.Helper()
	h, err := webhook.NewHandler(webhook.Config{AppSecret: testSecret, VerifyToken: testVerify, Sink: LogSink{Log: l}})
	if err != nil {
		b.Fatal(err)
	}
	ln := webhooktest.Listen(b)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- webhook.Serve(ctx, ln, "/webhook", h, webhook.Limits{}) }()
	b.Cleanup(func() { stop(); <-served })
	return "http://" + ln.Addr().String() + "/webhook"
}

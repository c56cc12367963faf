package sandboxtest

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
)

// StartSilent serves a real loopback listener that accepts connections,
// reads whatever they send and never answers, like a server stuck behind
// a load balancer. accepted counts the connections it took. It stops when
// the test ends.
func StartSilent(tb testing.TB) (baseURL string, accepted func() int) {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	var (
		count atomic.Int32
		wg    sync.WaitGroup
		mu    sync.Mutex
		conns []net.Conn
	)
	wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			count.Add(1)
			mu.Lock()
			conns = append(conns, conn)
			mu.Unlock()
			wg.Go(func() { _, _ = io.Copy(io.Discard, conn) })
		}
	})
	tb.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return "http://" + ln.Addr().String(), func() int { return int(count.Load()) }
}

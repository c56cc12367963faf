package webhook

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"sync"
)

// DefaultMaxConnections is how many connections the receiver holds open at
// most unless told otherwise: far more than Meta opens, few enough for
// the file descriptors and memory of a small host.
const DefaultMaxConnections = 1000

// connCap holds at most max connections open. A connection that arrives
// at the cap makes room by closing the oldest one that is not inside a
// request's handler: a client still sending its header (slowly, or never),
// or an idle keep-alive. A signed delivery is so answered at once, where a
// queue (netutil.LimitListener) would make it wait behind clients that
// hold their slots until ReadHeaderTimeout. When every connection is
// inside a handler, the newcomer is closed at once; Meta retries.
type connCap struct {
	net.Listener
	max int

	mu   sync.Mutex
	seq  uint64
	open map[*cappedConn]struct{}
}

// cappedConn is one connection the cap counts.
type cappedConn struct {
	net.Conn
	cap      *connCap
	accepted uint64 // order of arrival
	busy     int    // handlers running on it (HTTP/2 runs several); guarded by cap.mu
}

func newConnCap(ln net.Listener, max int) *connCap {
	if max <= 0 {
		max = DefaultMaxConnections
	}
	return &connCap{Listener: ln, max: max, open: map[*cappedConn]struct{}{}}
}

func (c *connCap) Accept() (net.Conn, error) {
	for {
		conn, err := c.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if admitted := c.admit(conn); admitted != nil {
			return admitted, nil
		}
		conn.Close()
	}
}

// admit counts conn in, closing the oldest connection outside a handler
// when the cap is reached; it returns nil when there is none to close.
func (c *connCap) admit(conn net.Conn) *cappedConn {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.open) >= c.max {
		victim := c.oldestIdle()
		if victim == nil {
			return nil
		}
		delete(c.open, victim)
		victim.Conn.Close()
	}
	c.seq++
	admitted := &cappedConn{Conn: conn, cap: c, accepted: c.seq}
	c.open[admitted] = struct{}{}
	return admitted
}

func (c *connCap) oldestIdle() *cappedConn {
	var oldest *cappedConn
	for conn := range c.open {
		if conn.busy == 0 && (oldest == nil || conn.accepted < oldest.accepted) {
			oldest = conn
		}
	}
	return oldest
}

func (c *cappedConn) Close() error {
	c.cap.mu.Lock()
	delete(c.cap.open, c)
	c.cap.mu.Unlock()
	return c.Conn.Close()
}

type capConnKey struct{}

// connContext is the http.Server's ConnContext: it lets track find the
// connection a request came on.
func connContext(ctx context.Context, conn net.Conn) context.Context {
	if tc, ok := conn.(*tls.Conn); ok {
		conn = tc.NetConn()
	}
	if cc, ok := conn.(*cappedConn); ok {
		ctx = context.WithValue(ctx, capConnKey{}, cc)
	}
	return ctx
}

// track marks a connection busy while h serves a request on it, so the cap
// never closes a delivery in flight.
func (c *connCap) track(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if cc, ok := r.Context().Value(capConnKey{}).(*cappedConn); ok {
			c.setBusy(cc, 1)
			defer c.setBusy(cc, -1)
		}
		h.ServeHTTP(w, r)
	})
}

func (c *connCap) setBusy(cc *cappedConn, delta int) {
	c.mu.Lock()
	cc.busy += delta
	c.mu.Unlock()
}

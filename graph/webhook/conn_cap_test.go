package webhook

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"testing"
	"time"

	"mps/graph/webhook/webhooktest"
)

// slowClient opens a connection and sends half a request header, as a
// slow or malicious client does, then holds the connection.
func slowClient(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.Write([]byte("POST /webhook HTTP/1.1\r\nHost: mps\r\n")); err != nil {
		t.Fatal(err)
	}
	return conn
}

// held reports whether the server still holds conn open: a read that times
// out, rather than ending, means so.
func held(conn net.Conn, within time.Duration) bool {
	conn.SetReadDeadline(time.Now().Add(within))
	_, err := conn.Read(make([]byte, 1))
	return errors.Is(err, os.ErrDeadlineExceeded)
}

// stillHeld waits up to within for the server to close all but want of
// conns, and returns how many it still holds.
func stillHeld(conns []net.Conn, want int, within time.Duration) int {
	closed := make([]bool, len(conns))
	deadline := time.Now().Add(within)
	for {
		open := 0
		for i, conn := range conns {
			if !closed[i] && !held(conn, 20*time.Millisecond) {
				closed[i] = true
			}
			if !closed[i] {
				open++
			}
		}
		if open <= want || time.Now().After(deadline) {
			return open
		}
	}
}

// serveCapped serves h for /webhook on loopback, holding at most maxConns
// connections, for the rest of the test.
func serveCapped(t *testing.T, maxConns int, h http.Handler) (addr string) {
	t.Helper()
	ln := webhooktest.Listen(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, "/webhook", h, Limits{MaxConnections: maxConns}) }()
	t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String()
}

func TestSlowClientsAtTheConnectionCapDoNotBlockDeliveries(t *testing.T) {
	const maxConns, slow = 4, 12
	addr := serveCapped(t, maxConns, servedHandler(t))

	conns := make([]net.Conn, slow)
	for i := range conns {
		conns[i] = slowClient(t, addr)
	}
	// The server's header timeout (10 s) is far off: only the cap closes.
	if open := stillHeld(conns, maxConns, 3*time.Second); open > maxConns {
		t.Fatalf("%d of %d slow clients held open, above the cap of %d", open, slow, maxConns)
	}
	for range maxConns { // fill the cap again
		slowClient(t, addr)
	}

	client := &http.Client{Timeout: 3 * time.Second}
	body := webhooktest.Payload(t, "guide_partner_solutions_created.json")
	for range 3 {
		if code := deliver(t, client, "http://"+addr+"/webhook", body, testSecret); code != http.StatusOK {
			t.Fatalf("a signed delivery at the cap: status %d, want 200", code)
		}
		slowClient(t, addr)
	}
}

// A delivery whose body is still arriving is inside the handler: new
// connections at the cap never close it.
func TestTheConnectionCapNeverClosesADeliveryInFlight(t *testing.T) {
	const maxConns = 2
	started := make(chan struct{}, 1)
	receiver := servedHandler(t)
	addr := serveCapped(t, maxConns, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		receiver.ServeHTTP(w, r)
	}))

	body := webhooktest.Payload(t, "guide_partner_solutions_created.json")
	inFlight, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer inFlight.Close()
	head := fmt.Sprintf("POST /webhook HTTP/1.1\r\nHost: mps\r\nContent-Type: application/json\r\n%s: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n",
		SignatureHeader, Sign(body, testSecret), len(body))
	half := len(body) / 2
	if _, err := inFlight.Write(append([]byte(head), body[:half]...)); err != nil {
		t.Fatal(err)
	}
	<-started // the header is read; the receiver waits for the rest of the body
	slow := make([]net.Conn, 3*maxConns)
	for i := range slow {
		slow[i] = slowClient(t, addr)
	}
	// Once the server has taken them all in, one slot is left beside the delivery.
	stillHeld(slow, maxConns-1, 3*time.Second)
	if _, err := inFlight.Write(body[half:]); err != nil {
		t.Fatalf("the delivery in flight was cut: %v", err)
	}
	inFlight.SetReadDeadline(time.Now().Add(3 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(inFlight), nil)
	if err != nil {
		t.Fatalf("the delivery in flight got no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the delivery in flight: status %d, want 200", resp.StatusCode)
	}
}

// Over TLS the server sees the TLS connection; the cap still finds its own.
func TestConnContextFindsTheCappedConnectionUnderTLS(t *testing.T) {
	server, client := net.Pipe()
	defer client.Close()
	c := newConnCap(nil, 1)
	capped := c.admit(server)
	ctx := connContext(context.Background(), tls.Server(capped, &tls.Config{}))
	if got, _ := ctx.Value(capConnKey{}).(*cappedConn); got != capped {
		t.Fatalf("connContext found %v, want the capped connection", got)
	}
}

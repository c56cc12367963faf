package webhooks

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

	"mps/graph/webhook"
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

// serveCapped runs the real receiver over a real log on loopback, holding
// at most maxConns connections, for the rest of the test.
func serveCapped(t *testing.T, maxConns int) (addr string) {
	t.Helper()
	l := openLog(t)
	ln := listenLoopback(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, "/webhook", newLogHandler(t, l), Limits{MaxConnections: maxConns}) }()
	t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String()
}

func TestSlowClientsAtTheConnectionCapDoNotBlockDeliveries(t *testing.T) {
	const maxConns, slow = 4, 12
	addr := serveCapped(t, maxConns)

	conns := make([]net.Conn, slow)
	for i := range conns {
		conns[i] = slowClient(t, addr)
	}
	// The server's header timeout (10 s) is far off: only the cap closes.
	var open int
	for _, conn := range conns {
		if held(conn, 500*time.Millisecond) {
			open++
		}
	}
	if open > maxConns {
		t.Fatalf("%d of %d slow clients held open, above the cap of %d", open, slow, maxConns)
	}
	for range maxConns { // fill the cap again
		slowClient(t, addr)
	}

	client := &http.Client{Timeout: 3 * time.Second}
	body := guidePayload(t, "guide_partner_solutions_created.json")
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
	addr := serveCapped(t, maxConns)

	body := guidePayload(t, "guide_partner_solutions_created.json")
	inFlight, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer inFlight.Close()
	head := fmt.Sprintf("POST /webhook HTTP/1.1\r\nHost: mps\r\nContent-Type: application/json\r\n%s: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n",
		webhook.SignatureHeader, webhook.Sign(body, testSecret), len(body))
	half := len(body) / 2
	if _, err := inFlight.Write(append([]byte(head), body[:half]...)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the server reads the header and starts the handler
	for range 3 * maxConns {
		slowClient(t, addr)
	}
	time.Sleep(200 * time.Millisecond) // and accepts them
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

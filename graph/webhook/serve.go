package webhook

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// shutdownGrace is how long in-flight deliveries get to finish storing.
const shutdownGrace = 30 * time.Second

// Limits bound what clients can hold of the receiver.
type Limits struct {
	// MaxConnections is how many connections are open at most (see
	// connCap for which one gives way); 0 is DefaultMaxConnections.
	MaxConnections int
}

// Serve answers webhook requests for path on ln until ctx is done, then
// stops accepting and lets deliveries in flight finish. Other paths get 404.
func Serve(ctx context.Context, ln net.Listener, path string, h http.Handler, limits Limits) error {
	srv, ln, err := newServer(ln, path, h, limits)
	if err != nil {
		return err
	}
	return serveUntilDone(ctx, srv, func() error { return srv.Serve(ln) })
}

// ServeTLS is Serve over TLS with cfg. Failed handshakes, including plain
// HTTP sent to the port, are reported to logger.
func ServeTLS(ctx context.Context, ln net.Listener, path string, h http.Handler, limits Limits, cfg *tls.Config, logger *slog.Logger) error {
	srv, ln, err := newServer(ln, path, h, limits)
	if err != nil {
		return err
	}
	srv.TLSConfig = cfg
	if logger != nil {
		srv.ErrorLog = slog.NewLogLogger(logger.Handler(), slog.LevelWarn)
	}
	return serveUntilDone(ctx, srv, func() error { return srv.ServeTLS(ln, "", "") })
}

// newServer is the server for path and the listener it serves, which
// holds at most limits.MaxConnections open.
func newServer(ln net.Listener, path string, h http.Handler, limits Limits) (*http.Server, net.Listener, error) {
	if err := CheckPath(path); err != nil {
		return nil, nil, err
	}
	mux := http.NewServeMux()
	mux.Handle(path, h)
	capped := newConnCap(ln, limits.MaxConnections)
	return &http.Server{
		Handler:           capped.track(mux),
		ConnContext:       connContext,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}, capped, nil
}

func serveUntilDone(ctx context.Context, srv *http.Server, serve func() error) error {
	done := make(chan error, 1)
	go func() { done <- serve() }()
	select {
	case err := <-done:
		return fmt.Errorf("webhook receiver stopped: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	if serveErr := <-done; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
		err = serveErr
	}
	return err
}

// CheckPath accepts an absolute URL path without a query, fragment or spaces.
func CheckPath(path string) error {
	if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, "?# \t\r\n") {
		return fmt.Errorf("webhook path %q must start with / and hold no spaces, '?' or '#'", path)
	}
	return nil
}

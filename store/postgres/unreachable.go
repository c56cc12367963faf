package postgres

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// UnreachableError says that the server could not be reached or went away
// mid-use: the same call may work once it is back. Host names the server
// (host:port, or the unix socket), never the password.
type UnreachableError struct {
	Host string
	Err  error
}

func (e *UnreachableError) Error() string {
	return "the shared store at " + e.Host + " is unreachable: " + cause(e.Err)
}

// cause is the network's own words where there are some: pgx's text
// repeats them once per connection attempt (with TLS, then without).
func cause(err error) string {
	var op *net.OpError
	if errors.As(err, &op) {
		return op.Error()
	}
	return err.Error()
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// classify wraps err in an UnreachableError when it says the server is out
// of reach; other errors (and those of a ctx that is done) are returned
// as they are.
func classify(ctx context.Context, host string, err error) error {
	if err == nil || ctx.Err() != nil || !unreachable(err) {
		return err
	}
	var already *UnreachableError
	if errors.As(err, &already) {
		return err
	}
	return &UnreachableError{Host: host, Err: err}
}

// unreachable reports whether err is a failure to reach the server, or
// the server ending the connection (shutting down, restarting), as
// opposed to the server refusing what was asked.
func unreachable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// Class 08: connection exception; 57P01-03: the server shuts
		// down, crashed, or is starting and cannot take connections yet.
		return strings.HasPrefix(pgErr.Code, "08") ||
			pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, pgconn.ErrConnClosed) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Listener says what to do with a channel's notifications.
type Listener struct {
	Channel string
	// Notify is called with each notification's payload, one at a time.
	Notify func(payload string)
	// Lost, when set, is called as soon as the connection is lost, with an
	// UnreachableError naming the host: until Reconnected, nothing is told.
	Lost func(err error)
	// Reconnected is called after the connection was lost and made again:
	// notifications sent meanwhile are lost, so what they stand for should
	// be read again.
	Reconnected func()
	// Stopped is called once, when ctx has ended; nothing is called after it.
	Stopped func()
}

// Reconnection waits: the first after a failure, doubling up to the last.
const (
	firstRetry = 100 * time.Millisecond
	lastRetry  = 5 * time.Second
)

// Retry calls try until it succeeds, waiting after each failure (a tenth
// of a second at first, twice as long each time, up to 5 s), and says
// whether it did: false when ctx ended first. Following the store, and a
// journal that opens when the store answers, try again this way.
func Retry(ctx context.Context, try func() error) bool {
	for wait := firstRetry; ; wait = min(2*wait, lastRetry) {
		if ctx.Err() != nil {
			return false
		}
		if try() == nil {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(wait):
		}
	}
}

// Listen connects on a connection of its own and LISTENs on l.Channel;
// an error is the first connection's. It then calls l's functions from a
// goroutine of its own, reconnecting by itself whenever the connection is
// lost, until ctx ends.
func (d *DB) Listen(ctx context.Context, l Listener) error {
	conn, err := d.listen(ctx, l.Channel)
	if err != nil {
		return err
	}
	go d.serve(ctx, conn, l)
	return nil
}

func (d *DB) listen(ctx context.Context, channel string) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, d.config)
	if err != nil {
		return nil, d.Err(ctx, fmt.Errorf("connecting to %s to follow it: %w", d.where, err))
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		closeQuietly(conn)
		return nil, d.Err(ctx, fmt.Errorf("following %s: %w", d.where, err))
	}
	return conn, nil
}

func (d *DB) serve(ctx context.Context, conn *pgx.Conn, l Listener) {
	defer l.Stopped()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err == nil {
			l.Notify(n.Payload)
			continue
		}
		closeQuietly(conn)
		if ctx.Err() != nil {
			return
		}
		d.forgetIdle()
		if l.Lost != nil {
			// Whatever ended it, the connection that follows is gone.
			l.Lost(&UnreachableError{Host: d.host, Err: fmt.Errorf("the connection following %s was lost: %w", d.where, err)})
		}
		if conn = d.reconnect(ctx, l.Channel); conn == nil {
			return
		}
		l.Reconnected()
	}
}

// reconnect tries again until it is connected (the connection) or ctx
// has ended (nil).
func (d *DB) reconnect(ctx context.Context, channel string) (conn *pgx.Conn) {
	Retry(ctx, func() (err error) {
		conn, err = d.listen(ctx, channel)
		return err
	})
	return conn
}

// idleConns is how many idle connections the pool keeps: database/sql's
// default, which connect leaves as it is.
const idleConns = 2

// forgetIdle closes the pool's idle connections: once the server has gone
// away they are most likely dead, and the first reads after it is back
// would fail on them (stdlib pings only those idle for over a second).
func (d *DB) forgetIdle() {
	d.SQL.SetMaxIdleConns(0)
	d.SQL.SetMaxIdleConns(idleConns)
}

func closeQuietly(conn *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn.Close(ctx) // the connection is being given up: its error says nothing new
}

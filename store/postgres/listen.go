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
	// Reconnected is called after the connection was lost and made again:
	// notifications sent meanwhile are lost, so what they stand for should
	// be read again.
	Reconnected func()
	// Stopped is called once, when ctx has ended; nothing is called after it.
	Stopped func()
}

// Reconnection waits: the first after a loss, doubling up to the last.
const (
	firstRetry = 100 * time.Millisecond
	lastRetry  = 5 * time.Second
)

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
		if conn = d.reconnect(ctx, l.Channel); conn == nil {
			return
		}
		l.Reconnected()
	}
}

// reconnect tries again, waiting longer each time, until it is connected
// (the connection) or ctx has ended (nil).
func (d *DB) reconnect(ctx context.Context, channel string) *pgx.Conn {
	for wait := firstRetry; ; wait = min(2*wait, lastRetry) {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		if conn, err := d.listen(ctx, channel); err == nil {
			return conn
		}
	}
}

func closeQuietly(conn *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn.Close(ctx) // the connection is being given up: its error says nothing new
}

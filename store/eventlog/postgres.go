package eventlog

import (
	"context"

	"mps/store/postgres"
)

// OpenPostgres opens the event log in the PostgreSQL database at url
// (postgres.Config's rules for the password and TLS), migrating its schema
// on first use when the role may (see postgres.Open). Every method of Log
// works on it as on a file; Follow, besides, tells when anyone committed.
func OpenPostgres(ctx context.Context, url string, o postgres.Options) (*Log, error) {
	db, err := postgres.Open(ctx, url, o, pgSchema())
	if err != nil {
		return nil, err
	}
	return &Log{db: db.SQL, pg: db}, nil
}

// MigratePostgres brings the event log's schema in the database at url up
// to date, as its owner does with `mps store migrate` (journal's
// MigratePostgres does the journal's). It returns the versions it found
// and left.
func MigratePostgres(ctx context.Context, url string, o postgres.Options) (postgres.Migration, error) {
	return postgres.Migrate(ctx, url, o, pgSchema())
}

// PostgresSchemaVersion is the version of the schema on PostgreSQL this
// build writes.
func PostgresSchemaVersion() int { return pgSchema().Version() }

// Follow returns, on PostgreSQL, a channel that receives each time events
// were committed by anyone since the last receive: several commits may
// come as one, and the sender never waits for the reader. After the
// connection was lost and made again it receives once, since commits
// meanwhile went unnoticed. It closes when ctx ends. The error is the
// first connection's (a postgres.UnreachableError when the server is out
// of reach). On SQLite it returns nil, nil: the caller polls.
func (l *Log) Follow(ctx context.Context) (<-chan struct{}, error) {
	if l.pg == nil {
		return nil, nil
	}
	ch := make(chan struct{}, 1)
	signal := func() {
		select {
		case ch <- struct{}{}:
		default: // one is waiting already: it covers this commit too
		}
	}
	err := l.pg.Listen(ctx, postgres.Listener{
		Channel:     eventsChannel,
		Notify:      func(string) { signal() },
		Reconnected: signal,
		Stopped:     func() { close(ch) },
	})
	if err != nil {
		return nil, err
	}
	return ch, nil
}

// eventsChannel is the NOTIFY channel of commits to the events table.
const eventsChannel = "mps_events"

// pgMigrations is the event log's schema on PostgreSQL: version 1 is the
// final schema of the SQLite file's three versions (schema.go), with
// known a boolean, and text in byte order (COLLATE "C") as SQLite
// compares it. A statement that inserted rows NOTIFYs eventsChannel once;
// one that inserted only redeliveries does not. Append new migrations;
// never edit or remove a released one.
func pgMigrations() []string {
	return []string{
		`CREATE TABLE events (
			id                bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			dedup_key         text    COLLATE "C" NOT NULL UNIQUE,
			received_ms       bigint  NOT NULL,
			entry_ms          bigint,
			entry_id          text    COLLATE "C" NOT NULL DEFAULT '',
			object            text    COLLATE "C" NOT NULL DEFAULT '',
			field             text    COLLATE "C" NOT NULL DEFAULT '',
			event             text    COLLATE "C" NOT NULL DEFAULT '',
			solution_id       text    COLLATE "C" NOT NULL DEFAULT '',
			waba_id           text    COLLATE "C" NOT NULL DEFAULT '',
			status            text    COLLATE "C" NOT NULL DEFAULT '',
			business_ids      text    NOT NULL DEFAULT '[]',
			raw               text    NOT NULL,
			owner_business_id text    COLLATE "C" NOT NULL DEFAULT '',
			partner_app_id    text    COLLATE "C" NOT NULL DEFAULT '',
			known             boolean NOT NULL DEFAULT false
		);
		CREATE INDEX events_received ON events (received_ms);
		CREATE INDEX events_event_waba ON events (event, field, waba_id, id) INCLUDE (solution_id, entry_ms, received_ms);
		CREATE INDEX events_event_when ON events (event, field, (COALESCE(entry_ms, received_ms)));
		CREATE INDEX events_field ON events (field);
		CREATE FUNCTION mps_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF EXISTS (SELECT 1 FROM inserted) THEN
				PERFORM pg_notify('` + eventsChannel + `', '');
			END IF;
			RETURN NULL;
		END $$;
		CREATE TRIGGER events_notify AFTER INSERT ON events
			REFERENCING NEW TABLE AS inserted
			FOR EACH STATEMENT EXECUTE FUNCTION mps_events_notify();`,
	}
}

func pgSchema() postgres.Schema {
	return postgres.Schema{Name: "event log", Migrations: pgMigrations()}
}

package journal

import (
	"context"
	"encoding/json"

	"mps/store/postgres"
)

// OpenPostgres opens the journal in the PostgreSQL database at url
// (postgres.Config's rules for the password and TLS), migrating its schema
// on first use when the role may (see postgres.Open).
func OpenPostgres(ctx context.Context, url string, o postgres.Options) (*Store, error) {
	return openPostgres(ctx, url, o, newOrigin())
}

func openPostgres(ctx context.Context, url string, o postgres.Options, origin string) (*Store, error) {
	db, err := postgres.Open(ctx, url, o, pgSchema())
	if err != nil {
		return nil, err
	}
	return newStore(db.SQL, "", db, origin), nil
}

// MigratePostgres brings the journal's schema in the database at url up to
// date, as its owner does with `mps store migrate` (eventlog's
// MigratePostgres does the event log's). It returns the versions it found
// and left.
func MigratePostgres(ctx context.Context, url string, o postgres.Options) (postgres.Migration, error) {
	return postgres.Migrate(ctx, url, o, pgSchema())
}

// PostgresSchemaVersion is the version of the schema on PostgreSQL this
// build writes.
func PostgresSchemaVersion() int { return pgSchema().Version() }

var _ Follower = (*Store)(nil)

// Follow implements Follower.
func (s *Store) Follow(ctx context.Context) (<-chan Change, error) {
	if s.pg == nil {
		return nil, nil
	}
	ch := make(chan Change)
	send := func(c Change) {
		select {
		case ch <- c:
		case <-ctx.Done():
		}
	}
	err := s.pg.Listen(ctx, postgres.Listener{
		Channel: journalChannel,
		Notify: func(payload string) {
			var n notice
			if json.Unmarshal([]byte(payload), &n) == nil && n.ID > 0 {
				send(Change{ID: n.ID, Origin: n.Origin, Outcome: Outcome(n.Outcome)})
			}
		},
		Lost:        func(err error) { send(Change{Lost: err}) },
		Reconnected: func() { send(Change{}) },
		Stopped:     func() { close(ch) },
	})
	if err != nil {
		return nil, err
	}
	return ch, nil
}

// notice is the payload the entries trigger sends.
type notice struct {
	ID      int64  `json:"id"`
	Origin  string `json:"origin"`
	Outcome string `json:"outcome"`
}

// journalChannel is the NOTIFY channel of entries begun and finished.
const journalChannel = "mps_journal"

// pgMigrations is the journal's schema on PostgreSQL: version 1 is the
// final schema of the SQLite file's versions (schema.go), text in byte
// order (COLLATE "C") as SQLite compares it, and each row inserted or
// updated NOTIFYs journalChannel with its id, origin and outcome. Append
// new ones; never edit or remove a released one.
func pgMigrations() []string {
	return []string{
		`CREATE TABLE entries (
			id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			uid           text   COLLATE "C" NOT NULL UNIQUE,
			origin        text   COLLATE "C" NOT NULL DEFAULT '',
			started_ms    bigint NOT NULL,
			profile       text   NOT NULL DEFAULT '',
			app_id        text   NOT NULL DEFAULT '',
			host          text   NOT NULL DEFAULT '',
			"user"        text   NOT NULL DEFAULT '',
			action        text   NOT NULL,
			object_id     text   COLLATE "C" NOT NULL DEFAULT '',
			object_name   text   NOT NULL DEFAULT '',
			state_before  text   NOT NULL DEFAULT '',
			reason        text   NOT NULL DEFAULT '',
			outcome       text   COLLATE "C" NOT NULL DEFAULT 'in_flight',
			error_code    bigint NOT NULL DEFAULT 0,
			error_subcode bigint NOT NULL DEFAULT 0,
			fbtrace_id    text   NOT NULL DEFAULT '',
			error_message text   NOT NULL DEFAULT '',
			state_after   text   NOT NULL DEFAULT '',
			finished_ms   bigint,
			note          text   NOT NULL DEFAULT ''
		);
		CREATE INDEX entries_started ON entries (started_ms, id);
		CREATE INDEX entries_object ON entries (object_id, started_ms, id);
		CREATE INDEX entries_in_flight ON entries (outcome, id) WHERE outcome = 'in_flight';
		CREATE FUNCTION mps_journal_notify() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			PERFORM pg_notify('` + journalChannel + `',
				json_build_object('id', NEW.id, 'origin', NEW.origin, 'outcome', NEW.outcome)::text);
			RETURN NULL;
		END $$;
		CREATE TRIGGER entries_notify AFTER INSERT OR UPDATE ON entries
			FOR EACH ROW EXECUTE FUNCTION mps_journal_notify();`,
	}
}

func pgSchema() postgres.Schema {
	return postgres.Schema{Name: "journal", Migrations: pgMigrations()}
}

package eventlog

import (
	"context"

	"mps/store/sqlitefile"
)

// migrations bring the schema from version i to i+1 (PRAGMA user_version).
// Append new ones; never edit or remove a released one, and never drop data.
func migrations() []string {
	return []string{
		// v1: the events table.
		`CREATE TABLE events (
			id           INTEGER PRIMARY KEY AUTOINCREMENT,
			dedup_key    TEXT    NOT NULL UNIQUE,
			received_ms  INTEGER NOT NULL,
			entry_ms     INTEGER,
			entry_id     TEXT    NOT NULL DEFAULT '',
			object       TEXT    NOT NULL DEFAULT '',
			field        TEXT    NOT NULL DEFAULT '',
			event        TEXT    NOT NULL DEFAULT '',
			solution_id  TEXT    NOT NULL DEFAULT '',
			waba_id      TEXT    NOT NULL DEFAULT '',
			status       TEXT    NOT NULL DEFAULT '',
			business_ids TEXT    NOT NULL DEFAULT '[]',
			raw          TEXT    NOT NULL
		);
		CREATE INDEX events_received ON events(received_ms);`,
		// v2: the ids of app install/uninstall and removal events, whether mps
		// understood the event, and indexes for the gauge and reconciliation.
		// Rows from v1 get the new columns filled in from their raw payload.
		`ALTER TABLE events ADD COLUMN owner_business_id TEXT NOT NULL DEFAULT '';
		ALTER TABLE events ADD COLUMN partner_app_id TEXT NOT NULL DEFAULT '';
		ALTER TABLE events ADD COLUMN known INTEGER NOT NULL DEFAULT 0;
		UPDATE events SET
			owner_business_id = COALESCE(CAST(json_extract(raw, '$.value.waba_info.owner_business_id') AS TEXT), ''),
			partner_app_id    = COALESCE(CAST(json_extract(raw, '$.value.waba_info.partner_app_id') AS TEXT), ''),
			known = (field = 'partner_solutions' AND event IN ('SOLUTION_CREATED', 'SOLUTION_UPDATED'))
			     OR (field = 'account_update' AND event IN ('PARTNER_ADDED', 'PARTNER_APP_INSTALLED', 'PARTNER_APP_UNINSTALLED', 'PARTNER_REMOVED'))
		WHERE json_valid(raw);
		CREATE INDEX events_event ON events(event, field);
		CREATE INDEX events_waba ON events(waba_id);`,
		// v3: indexes every read searches (statements.go). events_event_waba
		// holds all WABAsSeen reads, in WABA order and, per WABA, in ID order
		// (id), so that it never touches the table: its per-WABA subqueries
		// had searched every PARTNER_ADDED once per WABA (quadratic).
		// events_event_when is the window of an event's own time, for the
		// onboarding gauge; events_field the Events tab's filtered tail.
		// events_event is a prefix of both (event, field, ...) indexes, and no
		// read searches events_waba any more.
		`CREATE INDEX events_event_waba ON events(event, field, waba_id, id, solution_id, entry_ms, received_ms);
		CREATE INDEX events_event_when ON events(event, field, COALESCE(entry_ms, received_ms));
		CREATE INDEX events_field ON events(field);
		DROP INDEX events_event;
		DROP INDEX events_waba;`,
	}
}

// schema is the event log's kind and migrations, for sqlitefile.
func schema() sqlitefile.Schema {
	return sqlitefile.Schema{Name: "event log", Missing: ErrNoLog, Migrations: migrations()}
}

// SchemaVersion is the version this build writes.
func SchemaVersion() int { return len(migrations()) }

// FileSchemaVersion is the schema version of the file at path (0 when
// there is none), read without writing it.
func FileSchemaVersion(ctx context.Context, path string) (int, error) {
	return schema().FileVersion(ctx, path)
}

package journal

import (
	"context"

	"mps/store/sqlitefile"
)

// FileName is the journal's file in a profile's state directory.
const FileName = "journal.db"

// migrations bring the schema from version i to i+1. Append new ones;
// never edit or remove a released one, and never drop data.
func migrations() []string {
	return []string{
		// v1: the entries, and the indexes of the three reads: the newest
		// first (started_ms), one object's (object_id), the unfinished.
		`CREATE TABLE entries (
			id            INTEGER PRIMARY KEY AUTOINCREMENT,
			started_ms    INTEGER NOT NULL,
			profile       TEXT    NOT NULL DEFAULT '',
			app_id        TEXT    NOT NULL DEFAULT '',
			host          TEXT    NOT NULL DEFAULT '',
			user          TEXT    NOT NULL DEFAULT '',
			action        TEXT    NOT NULL,
			object_id     TEXT    NOT NULL DEFAULT '',
			object_name   TEXT    NOT NULL DEFAULT '',
			state_before  TEXT    NOT NULL DEFAULT '',
			reason        TEXT    NOT NULL DEFAULT '',
			outcome       TEXT    NOT NULL DEFAULT 'in_flight',
			error_code    INTEGER NOT NULL DEFAULT 0,
			error_subcode INTEGER NOT NULL DEFAULT 0,
			fbtrace_id    TEXT    NOT NULL DEFAULT '',
			error_message TEXT    NOT NULL DEFAULT '',
			state_after   TEXT    NOT NULL DEFAULT '',
			finished_ms   INTEGER,
			note          TEXT    NOT NULL DEFAULT ''
		);
		CREATE INDEX entries_started ON entries(started_ms, id);
		CREATE INDEX entries_object ON entries(object_id, started_ms, id);
		CREATE INDEX entries_in_flight ON entries(outcome, id) WHERE outcome = 'in_flight';`,
		// v2: each entry's origin (the handle that began it) and an ID unique
		// across journals, by which a copy of the journal into another store
		// knows what it copied already. Entries from v1 get random ones.
		`ALTER TABLE entries ADD COLUMN origin TEXT NOT NULL DEFAULT '';
		ALTER TABLE entries ADD COLUMN uid TEXT NOT NULL DEFAULT '';
		UPDATE entries SET uid = lower(hex(randomblob(16)));
		CREATE UNIQUE INDEX entries_uid ON entries(uid);`,
	}
}

func schema() sqlitefile.Schema {
	return sqlitefile.Schema{Name: "journal", Missing: ErrNoJournal, Migrations: migrations()}
}

// ErrNoDirectory says that the journal's directory could not be made.
var ErrNoDirectory = sqlitefile.ErrNoDirectory

// SchemaVersion is the version of the file this build writes.
func SchemaVersion() int { return len(migrations()) }

// FileSchemaVersion is the schema version of the file at path (0 when
// there is none), read without writing it.
func FileSchemaVersion(ctx context.Context, path string) (int, error) {
	return schema().FileVersion(ctx, path)
}

package cli

import (
	"strconv"
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
	"mps/store/eventlog"
	"mps/store/journal"
	"mps/store/storetest"
)

// A new database is migrated from version 0, as far as its owner may; a
// role that may not is told who may, and nothing is migrated by it.
func TestStoreMigrateSaysEachSchemasVersionOnPostgres(t *testing.T) {
	h := newPGHarness(t)
	owner := h.url
	h.env[store.EnvStore] = storetest.PostgresRole(t, owner)
	r := h.run("store", "migrate")
	wantExit(t, r, ExitError, "store migrate by a role that may not create tables")
	if !strings.Contains(r.stderr, "as the database's owner") || !strings.Contains(r.stderr, "may not upgrade the schema") {
		t.Errorf("the refusal does not say why and who may:\n%s", r.stderr)
	}

	h.env[store.EnvStore] = owner
	fresh := decodeJSON[storeMigrateJSON](t, h.mustRun("store", "migrate", "--json").stdout)
	if want := (storeMigrateJSON{Store: fresh.Store, EventLogVersion: eventlog.PostgresSchemaVersion(), JournalVersion: journal.PostgresSchemaVersion()}); fresh != want {
		t.Fatalf("store migrate --json of a new database = %+v, want %+v (0 before)", fresh, want)
	}
	text := h.mustRun("store", "migrate").stdout
	for _, want := range []string{"event log: at version " + strconv.Itoa(eventlog.PostgresSchemaVersion()) + ", up to date", "journal:   at version " + strconv.Itoa(journal.PostgresSchemaVersion()) + ", up to date"} {
		if !strings.Contains(text, want) {
			t.Errorf("store migrate again does not say %q:\n%s", want, text)
		}
	}
}

func TestStoreMigrateSaysEachFilesVersion(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	h.withStateDir()
	text := h.mustRun("store", "migrate").stdout
	for _, want := range []string{"event log: version 0 \u2192 " + strconv.Itoa(eventlog.SchemaVersion()), "journal:   version 0 \u2192 " + strconv.Itoa(journal.SchemaVersion())} {
		if !strings.Contains(text, want) {
			t.Errorf("store migrate of new files does not say %q:\n%s", want, text)
		}
	}
	again := decodeJSON[storeMigrateJSON](t, h.mustRun("store", "migrate", "--json").stdout)
	if again.EventLogVersionBefore != eventlog.SchemaVersion() || again.EventLogVersion != eventlog.SchemaVersion() ||
		again.JournalVersionBefore != journal.SchemaVersion() || again.JournalVersion != journal.SchemaVersion() {
		t.Fatalf("store migrate --json again = %+v, want both up to date", again)
	}
}

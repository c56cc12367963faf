package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"mps/store/eventlog"
	"mps/store/journal"
	"mps/store/postgres"
)

// storeMigrateJSON is `mps store migrate --json`: each store's schema
// version before the run and after it.
type storeMigrateJSON struct {
	Store                 string `json:"store"`
	EventLogVersionBefore int    `json:"event_log_version_before"`
	EventLogVersion       int    `json:"event_log_version"`
	JournalVersionBefore  int    `json:"journal_version_before"`
	JournalVersion        int    `json:"journal_version"`
}

func newStoreMigrateCommand(a *app) *cobra.Command {
	return a.jsonCommand(&cobra.Command{
		Use:   "migrate",
		Short: "Bring the store's event log and journal schemas up to date",
		Long: "Runs what is missing of each schema's migrations, in order, on the run's store (see\n" +
			"`mps store --help`), and says each schema's version before and after. Two processes\n" +
			"starting together migrate once. mps migrates by itself on first use, as far as the\n" +
			"role's privileges allow; run this as the database's owner when the receiver's or the\n" +
			"dashboard's roles may not (README: A team's shared store). Running it again changes\n" +
			"nothing.",
		Args: cobra.NoArgs,
	}, func(ctx context.Context, s *Session, _ []string, asJSON bool) error {
		if err := s.noDemoMode("store migrate", "Leave out --demo: its stores are made afresh by each run."); err != nil {
			return err
		}
		out, err := s.migrateStore(ctx)
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(s.stdout, out)
		}
		_, err = fmt.Fprintf(s.stdout, "The store %s:\n  event log: %s\n  journal:   %s\n", out.Store,
			schemaChange(out.EventLogVersionBefore, out.EventLogVersion), schemaChange(out.JournalVersionBefore, out.JournalVersion))
		return err
	})
}

// schemaChange says what a migration did to one schema.
func schemaChange(before, after int) string {
	if before == after {
		return fmt.Sprintf("at version %d, up to date", after)
	}
	return fmt.Sprintf("version %d → %d", before, after)
}

func (s *Session) migrateStore(ctx context.Context) (storeMigrateJSON, error) {
	where, err := s.storeLocation()
	if err != nil {
		return storeMigrateJSON{}, err
	}
	out := storeMigrateJSON{Store: where.String()}
	if where.postgres() {
		events, err := eventlog.MigratePostgres(ctx, where.url, s.postgresOptions())
		if err != nil {
			return out, migrateError("event log", err)
		}
		entries, err := journal.MigratePostgres(ctx, where.url, s.postgresOptions())
		if err != nil {
			return out, migrateError("journal", err)
		}
		out.EventLogVersionBefore, out.EventLogVersion = events.From, events.To
		out.JournalVersionBefore, out.JournalVersion = entries.From, entries.To
		return out, nil
	}
	// A file's version before is read first: opening it migrates it.
	if out.EventLogVersionBefore, err = eventlog.FileSchemaVersion(ctx, where.eventLogPath()); err != nil {
		return out, stateFileError("log", err)
	}
	if out.JournalVersionBefore, err = journal.FileSchemaVersion(ctx, where.journalPath()); err != nil {
		return out, stateFileError("journal", err)
	}
	// Opening a SQLite file for writing brings its schema up to date.
	l, err := s.openEventLogForWriting(ctx, "store migrate")
	if err != nil {
		return out, err
	}
	l.Close()
	if _, err := s.openJournal(ctx); err != nil { // closed with the session
		return out, err
	}
	out.EventLogVersion, out.JournalVersion = eventlog.SchemaVersion(), journal.SchemaVersion()
	return out, nil
}

// migrateError is storeError, but for a role that may not migrate it says
// who may, rather than to run this command.
func migrateError(what string, err error) error {
	if errors.Is(err, postgres.ErrMayNotMigrate) {
		return localError("Run `mps store migrate` as the database's owner (or a role that may create tables in it): "+
			"the receiver's and the dashboards' roles need only the GRANTs in the README's \"A team's shared store\".", err)
	}
	return storeError(what, err)
}

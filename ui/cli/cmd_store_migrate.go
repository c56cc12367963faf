package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"mps/store/eventlog"
	"mps/store/journal"
)

// storeMigrateJSON is `mps store migrate --json`: each store's schema
// version after the run.
type storeMigrateJSON struct {
	Store           string `json:"store"`
	EventLogVersion int    `json:"event_log_version,omitempty"`
	JournalVersion  int    `json:"journal_version,omitempty"`
}

func newStoreMigrateCommand(a *app) *cobra.Command {
	return a.jsonCommand(&cobra.Command{
		Use:   "migrate",
		Short: "Bring the store's event log and journal schemas up to date",
		Long: "Runs what is missing of each schema's migrations, in order, on the run's store (see\n" +
			"`mps store --help`). Two processes starting together migrate once. mps migrates by\n" +
			"itself on first use, as far as the role's privileges allow; run this as the\n" +
			"database's owner when the receiver's or the dashboard's roles may not (README:\n" +
			"A team's shared store). Running it again changes nothing.",
		Args: cobra.NoArgs,
	}, func(ctx context.Context, s *Session, _ []string, asJSON bool) error {
		if s.demo != nil {
			return usageErrorf("Leave out --demo: its stores are made afresh by each run.", "mps store migrate has no demo mode")
		}
		out, err := s.migrateStore(ctx)
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(s.stdout, out)
		}
		_, err = fmt.Fprintf(s.stdout, "The store %s is up to date: the event log's and the journal's schemas.\n", out.Store)
		return err
	})
}

func (s *Session) migrateStore(ctx context.Context) (storeMigrateJSON, error) {
	where, err := s.storeLocation()
	if err != nil {
		return storeMigrateJSON{}, err
	}
	out := storeMigrateJSON{Store: where.String()}
	if where.postgres() {
		if err := eventlog.MigratePostgres(ctx, where.url, s.postgresOptions()); err != nil {
			return out, storeError("event log", err)
		}
		if err := journal.MigratePostgres(ctx, where.url, s.postgresOptions()); err != nil {
			return out, storeError("journal", err)
		}
		return out, nil
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
	return out, nil
}

package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"mps/store"
	"mps/store/eventlog"
	"mps/store/journal"
)

// storeCopyJSON is `mps store copy --json`.
type storeCopyJSON struct {
	From          string `json:"from"`
	To            string `json:"to"`
	EventsCopied  int    `json:"events_copied"`
	JournalCopied int    `json:"journal_entries_copied"`
}

func newStoreCopyCommand(a *app) *cobra.Command {
	var from, to string
	cmd := a.jsonCommand(&cobra.Command{
		Use:   "copy --to postgres://USER@HOST/DB [--from DIR]",
		Short: "Copy a SQLite event log and journal into a PostgreSQL store",
		Long: "Copies every event of DIR/events.db and every entry of DIR/journal.db (--from, by\n" +
			"default the profile's state directory) into the PostgreSQL store --to names (by\n" +
			"default the run's store, when it is one), and says how many were new there. What\n" +
			"the store has already is not copied again, so a second run copies 0, and a copy\n" +
			"cut short can simply be run again. The SQLite files are only read.\n" +
			"For example: mps store copy --to 'postgres://mps@db.example.com/mps'",
		Args: cobra.NoArgs,
	}, func(ctx context.Context, s *Session, _ []string, asJSON bool) error {
		if err := s.noDemoMode("store copy", "Leave out --demo: it has no history to copy."); err != nil {
			return err
		}
		src, dst, err := s.copyEnds(from, to)
		if err != nil {
			return err
		}
		out, err := s.copyStore(ctx, src, dst)
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(s.stdout, out)
		}
		return writeStoreCopy(s, out)
	})
	fs := cmd.Flags()
	fs.StringVar(&from, "from", "", "the `DIR` holding events.db and journal.db (default the profile's state directory)")
	fs.StringVar(&to, "to", "", "the PostgreSQL store's `URL`, without its password (default --store when it is one)")
	mustComplete(cmd, "from", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	mustComplete(cmd, "to", savedStores(a.env))
	return cmd
}

// copyEnds checks --from (a directory, by default the profile's state
// directory) and --to (a PostgreSQL URL, by default the run's store).
func (s *Session) copyEnds(from, to string) (src, dst storeLocation, err error) {
	hint := "For example: mps store copy --from ~/.local/state/mps/default --to 'postgres://mps@db.example.com/mps'."
	if from == "" {
		dir, err := store.StateDir(s.settings.Profile, s.env.Getenv)
		if err != nil {
			return src, dst, stateDirError(err)
		}
		src = storeLocation{dir: dir, source: "default"}
	} else {
		set, err := store.Resolve(store.Values{Store: from}, nil, store.Config{}, store.Values{})
		switch {
		case err != nil:
			return src, dst, usageErrorf(hint, "%v", err)
		case store.IsStoreURL(set.Store):
			return src, dst, usageErrorf(hint, "--from is a URL: it names the SQLite directory to copy from, and --to the PostgreSQL store")
		}
		src = storeLocation{dir: set.Store, source: "--from"}
	}
	if to == "" {
		if !store.IsStoreURL(s.settings.Store) {
			return src, dst, usageErrorf(hint, "mps store copy needs --to, the PostgreSQL store to copy into")
		}
		return src, storeLocation{url: s.settings.Store, source: s.settings.Sources.Store}, nil
	}
	set, err := store.Resolve(store.Values{Store: to}, nil, store.Config{}, store.Values{})
	switch {
	case err != nil:
		return src, dst, usageErrorf(hint, "%v", err)
	case !store.IsStoreURL(set.Store):
		return src, dst, usageErrorf(hint, "--to %s is not a postgres:// URL: copies go from SQLite files into a PostgreSQL store", text80(to))
	}
	return src, storeLocation{url: set.Store, source: "--to"}, nil
}

// copyStore copies the events, then the journal, from src's files into
// dst. A file that is not there has nothing to copy; neither being there
// is a mistake in --from.
func (s *Session) copyStore(ctx context.Context, src, dst storeLocation) (storeCopyJSON, error) {
	out := storeCopyJSON{From: src.String(), To: dst.String()}
	if err := refuseFileAsDir(src); err != nil {
		return out, err
	}
	fromLog, err := openStateFile(ctx, eventlog.OpenExisting, src.eventLogPath(), "log", eventlog.ErrNoLog)
	if err != nil && !errors.Is(err, eventlog.ErrNoLog) {
		return out, err
	}
	if fromLog != nil {
		defer fromLog.Close()
	}
	fromJournal, err := openStateFile(ctx, journal.OpenExisting, src.journalPath(), "journal", journal.ErrNoJournal)
	if err != nil && !errors.Is(err, journal.ErrNoJournal) {
		return out, err
	}
	if fromJournal != nil {
		defer fromJournal.Close()
	}
	if fromLog == nil && fromJournal == nil {
		return out, usageErrorf("Give --from the directory that holds them, such as ~/.local/state/mps/PROFILE.",
			"%s holds neither %s nor %s: there is nothing to copy", src.dir, eventlog.FileName, journal.FileName)
	}
	if fromLog != nil {
		toLog, err := openOnPostgres(ctx, s, "event log", dst.url, eventlog.OpenPostgres)
		if err != nil {
			return out, err
		}
		defer toLog.Close()
		if out.EventsCopied, err = eventlog.Copy(ctx, fromLog, toLog); err != nil {
			return out, copyError("events", out, err)
		}
	}
	if fromJournal != nil {
		toJournal, err := openOnPostgres(ctx, s, "journal", dst.url, journal.OpenPostgres)
		if err != nil {
			return out, err
		}
		defer toJournal.Close()
		if out.JournalCopied, err = journal.Copy(ctx, fromJournal, toJournal); err != nil {
			return out, copyError("journal entries", out, err)
		}
	}
	return out, nil
}

// copyError says what a copy cut short had done: running it again copies
// the rest.
func copyError(what string, done storeCopyJSON, err error) error {
	return localError(fmt.Sprintf("%d events and %d journal entries were copied before it; run the same command again to copy the rest.", done.EventsCopied, done.JournalCopied),
		fmt.Errorf("copying the %s: %w", what, err))
}

func writeStoreCopy(s *Session, out storeCopyJSON) error {
	if out.EventsCopied == 0 && out.JournalCopied == 0 {
		_, err := fmt.Fprintf(s.stdout, "Copied nothing: %s holds every event and journal entry of %s already.\n", out.To, out.From)
		return err
	}
	_, err := fmt.Fprintf(s.stdout, "Copied %s and %s from %s to %s.\n",
		plural(out.EventsCopied, "event", "events"), plural(out.JournalCopied, "journal entry", "journal entries"), out.From, out.To)
	return err
}

// plural is "1 event" or "3 events".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

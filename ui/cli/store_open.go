package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5/pgconn"

	"mps/store"
	"mps/store/eventlog"
	"mps/store/journal"
	"mps/store/postgres"
)

// The one place where a run opens its event log and its journal, on the
// engine its store names (see storeLocation). Every command that reads or
// writes either, and the dashboard, comes through here.

// postgresOptions are where the shared store's password comes from: the
// profile's keyring entry, then PGPASSWORD and the pgpass file (the order
// is store/postgres's).
func (s *Session) postgresOptions() postgres.Options {
	return postgres.Options{Password: s.secrets.StorePasswordFunc(), Getenv: s.env.Getenv}
}

// openOnPostgres opens what (the "event log", the "journal") with open in
// the PostgreSQL store at url, with the run's password sources.
func openOnPostgres[S any](ctx context.Context, s *Session, what, url string,
	open func(context.Context, string, postgres.Options) (S, error),
) (S, error) {
	st, err := open(ctx, url, s.postgresOptions())
	if err != nil {
		return st, storeError(what, err)
	}
	return st, nil
}

// openEventLog opens the run's event log for reading. On SQLite a log no
// receiver has made yet gives an error for which errors.Is(err,
// eventlog.ErrNoLog) is true; with --demo it is the demo's log, filled
// with the sandbox's history.
func (s *Session) openEventLog(ctx context.Context) (*eventlog.Log, error) {
	if s.demo != nil {
		return s.demo.eventLog(ctx)
	}
	return s.openEventLogEngine(ctx, false)
}

// openEventLogEngine opens the event log on the store's engine, for the
// receiver (writing: made when needed) or for reading only.
func (s *Session) openEventLogEngine(ctx context.Context, writing bool) (*eventlog.Log, error) {
	where, err := s.storeLocation()
	if err != nil {
		return nil, err
	}
	if where.postgres() {
		return openOnPostgres(ctx, s, "event log", where.url, eventlog.OpenPostgres)
	}
	if err := refuseFileAsDir(where); err != nil {
		return nil, err
	}
	open := eventlog.OpenExisting
	if writing {
		open = eventlog.Open
	}
	return openStateFile(ctx, open, where.eventLogPath(), "log", eventlog.ErrNoLog)
}

// openEventLogIfAny is openEventLog for the commands: a log not made yet
// gives a nil log and no error; where names the store either way.
func (s *Session) openEventLogIfAny(ctx context.Context) (l *eventlog.Log, where string, err error) {
	if s.demo != nil {
		l, err := s.demo.eventLog(ctx)
		return l, demoEventLogName, err
	}
	loc, err := s.storeLocation()
	if err != nil {
		return nil, "", err
	}
	where = loc.eventLogPath()
	if loc.postgres() {
		where = loc.String()
	}
	l, err = s.openEventLogEngine(ctx, false)
	if errors.Is(err, eventlog.ErrNoLog) {
		return nil, where, nil
	}
	return l, where, err
}

// openEventLogForWriting opens the run's event log for the receiver,
// making it (the file, or the tables) when needed. The demo has no log to
// write: its webhooks come from its sandbox.
func (s *Session) openEventLogForWriting(ctx context.Context, command string) (*eventlog.Log, error) {
	if err := s.refuseDemoLog(command); err != nil {
		return nil, err
	}
	return s.openEventLogEngine(ctx, true)
}

// refuseDemoLog refuses a command that writes the event log with --demo.
func (s *Session) refuseDemoLog(command string) error {
	return s.noDemoMode(command, "The demo's webhooks come from its sandbox: `mps --demo events` lists them.")
}

// openJournal opens the run's journal, making it when needed, once per
// run; close closes it. The demo keeps its own in a temporary directory
// that ends with the run.
func (s *Session) openJournal(ctx context.Context) (journal.Journal, error) {
	if s.journal != nil {
		return s.journal, nil
	}
	j, err := s.openJournalEngine(ctx, false)
	if err != nil {
		return nil, err
	}
	s.journal = j
	return j, nil
}

// dashboardJournal is the run's journal for the dashboard, which starts
// on a shared store that cannot be reached: its journal then opens when
// the store answers (journal.Reconnecting), and until then records no
// action, so none is sent. Commands open theirs with openJournal, and
// exit 1 naming the host.
func (s *Session) dashboardJournal(ctx context.Context) (journal.Journal, error) {
	if s.journal != nil || s.demo != nil {
		return s.openJournal(ctx)
	}
	where, err := s.storeLocation()
	if err != nil {
		return nil, err
	}
	if !where.postgres() {
		return s.openJournal(ctx)
	}
	j, err := journal.OpenPostgresReconnecting(ctx, where.url, s.postgresOptions())
	if err != nil {
		return nil, storeError("journal", err)
	}
	s.journal = j
	return j, nil
}

// openJournalIfAny opens the run's journal to read it, or gives nil when
// it is a SQLite file not made yet; where names it either way.
func (s *Session) openJournalIfAny(ctx context.Context) (j journal.Journal, where string, err error) {
	if s.journal != nil {
		return s.journal, "", nil
	}
	j, err = s.openJournalEngine(ctx, true)
	if errors.Is(err, journal.ErrNoJournal) {
		where, err = s.journalWhere()
		return nil, where, err
	}
	if err != nil {
		return nil, "", err
	}
	s.journal = j
	return j, "", nil
}

// journalExists says whether a journal may hold entries: a SQLite file
// that is there, or any PostgreSQL store.
func (s *Session) journalExists() bool {
	if s.demo != nil {
		return false
	}
	where, err := s.storeLocation()
	if err != nil {
		return false
	}
	if where.postgres() {
		return true
	}
	_, err = os.Stat(where.journalPath())
	return !errors.Is(err, fs.ErrNotExist)
}

// journalWhere names the run's journal in messages.
func (s *Session) journalWhere() (string, error) {
	if s.demo != nil {
		return "the demo's temporary journal", nil
	}
	where, err := s.storeLocation()
	if err != nil {
		return "", err
	}
	if where.postgres() {
		return where.String(), nil
	}
	return where.journalPath(), nil
}

func (s *Session) openJournalEngine(ctx context.Context, existing bool) (journal.Journal, error) {
	if s.demo != nil {
		dir, err := s.demo.dir()
		if err != nil {
			return nil, err
		}
		return openJournalFile(ctx, storeLocation{dir: dir}.journalPath(), false)
	}
	where, err := s.storeLocation()
	if err != nil {
		return nil, err
	}
	if where.postgres() {
		j, err := openOnPostgres(ctx, s, "journal", where.url, journal.OpenPostgres)
		if err != nil {
			return nil, err // not j: a nil *Store is no nil Journal
		}
		return j, nil
	}
	if err := refuseFileAsDir(where); err != nil {
		return nil, err
	}
	return openJournalFile(ctx, where.journalPath(), existing)
}

func openJournalFile(ctx context.Context, path string, existing bool) (journal.Journal, error) {
	open := journal.Open
	if existing {
		open = journal.OpenExisting
	}
	j, err := openStateFile(ctx, open, path, "journal", journal.ErrNoJournal)
	if err != nil {
		return nil, err // not a nil *Store inside the interface
	}
	return j, nil
}

// refuseFileAsDir refuses a SQLite store that names a file: the setting
// is the directory holding events.db and journal.db.
func refuseFileAsDir(where storeLocation) error {
	if info, err := os.Stat(where.dir); err == nil && !info.IsDir() {
		return usageErrorf(fmt.Sprintf("Give the directory that holds (or will hold) events.db and journal.db, such as %s.", filepath.Dir(where.dir)),
			"the store %s (from %s) is a file, not a directory", where.dir, where.source)
	}
	return nil
}

// storeError is a failure to open a store on PostgreSQL, what being
// "event log" or "journal": exit 1, with the host named (the error says
// it) and what to do.
func storeError(what string, err error) error {
	var refused *postgres.PasswordError
	if errors.As(err, &refused) {
		return localError(storePasswordHint(refused), err)
	}
	var down *postgres.UnreachableError
	if errors.As(err, &down) {
		return localError("Check that the database server is running and that this machine reaches it (VPN, firewall, the URL's host and port); "+
			"or choose another store with --store, "+store.EnvStore+" or `mps profile set --store`.", err)
	}
	return localError("Check the store URL, the role's privileges and `mps store migrate`; see `mps store --help`.", fmt.Errorf("the %s: %w", what, err))
}

// storePrivilegeHint is what to do when the store's role may not do what
// a command needs.
const storePrivilegeHint = "The store's role lacks that privilege: the README's \"A team's shared store\" gives the GRANTs of the receiver's and the dashboards' roles, which the database's owner runs."

// deniedByStore reports whether PostgreSQL refused err's statement for
// want of a privilege (SQLSTATE 42501).
func deniedByStore(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "42501"
}

// storePasswordHint says where to put the store role's password, or which
// one to check.
func storePasswordHint(e *postgres.PasswordError) string {
	set := "`mps secret set store-password` keeps it in the keyring, which mps reads first; PGPASSWORD and a pgpass file come after"
	if e.From == "" {
		return "Give mps the role's password: " + set + "."
	}
	return "Check the password in " + e.From + ", or the URL's role: " + set + "."
}

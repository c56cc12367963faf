package journal

import (
	"context"
	"path/filepath"
	"testing"

	"mps/store/postgres"
	"mps/store/storetest"
)

// engine makes new, empty journals on one of the two engines: each test of
// the suite runs on both (eachEngine).
type engine struct {
	name string
	// fresh is where a new journal is: a file's path, or a database's URL.
	fresh func(t testing.TB) string
}

func engines() []engine {
	return []engine{
		{"sqlite", func(t testing.TB) string { return filepath.Join(t.TempDir(), "profile", FileName) }},
		{"postgres", func(t testing.TB) string { return storetest.Postgres(t) }},
	}
}

// eachEngine runs test once per engine, as a subtest named after it.
func eachEngine(t *testing.T, test func(t *testing.T, eng engine)) {
	for _, e := range engines() {
		t.Run(e.name, func(t *testing.T) { test(t, e) })
	}
}

// openNew opens a new, empty journal on e for the rest of the test.
func (e engine) openNew(t testing.TB) *Store {
	t.Helper()
	return openAt(t, e.fresh(t))
}

// openJournal opens the journal at a path or a PostgreSQL URL.
func openJournal(ctx context.Context, at string) (*Store, error) {
	if postgres.IsURL(at) {
		return OpenPostgres(ctx, at, postgres.Options{})
	}
	return Open(ctx, at)
}

// openAt opens the journal at a path or URL for the rest of the test.
func openAt(t testing.TB, at string) *Store {
	t.Helper()
	s, err := openJournal(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

package eventlog

import (
	"context"
	"path/filepath"
	"testing"

	"mps/store/postgres"
	"mps/store/storetest"
)

// engine makes new, empty event logs on one of the two engines: each
// test of the suite runs on both (eachEngine).
type engine struct {
	name string
	// fresh is where a new log is: a file's path, or a database's URL.
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

// openNew opens a new, empty log on e for the rest of the test.
func (e engine) openNew(t testing.TB) *Log {
	t.Helper()
	return openAt(t, e.fresh(t))
}

// openLog opens the log at a path or a PostgreSQL URL.
func openLog(ctx context.Context, at string) (*Log, error) {
	if postgres.IsURL(at) {
		return OpenPostgres(ctx, at, postgres.Options{})
	}
	return Open(ctx, at)
}

// openAt opens the log at a path or URL for the rest of the test.
func openAt(t testing.TB, at string) *Log {
	t.Helper()
	l, err := openLog(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

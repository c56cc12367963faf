package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"mps/store/postgres"
)

// Engine is one of the engines a store runs on, for a suite that runs each
// of its tests on both.
type Engine struct {
	Name string
	// Fresh is where a new, empty store is: a file in a new directory, or
	// a new database's URL (Postgres).
	Fresh func(t testing.TB) string
}

// Engines are SQLite, with the store's file named fileName, and PostgreSQL.
func Engines(fileName string) []Engine {
	return []Engine{
		{"sqlite", func(t testing.TB) string { return filepath.Join(t.TempDir(), "profile", fileName) }},
		{"postgres", Postgres},
	}
}

// EachEngine runs test once per engine of Engines(fileName), as a subtest
// named after it.
func EachEngine(t *testing.T, fileName string, test func(t *testing.T, eng Engine)) {
	for _, e := range Engines(fileName) {
		t.Run(e.Name, func(t *testing.T) { test(t, e) })
	}
}

// Store is what a store's Open and OpenPostgres return.
type Store interface{ Close() error }

// OpenEither opens the store at a path with file, or at a PostgreSQL URL
// with pg (no password: the test server trusts its users).
func OpenEither[S Store](ctx context.Context, at string,
	file func(context.Context, string) (S, error),
	pg func(context.Context, string, postgres.Options) (S, error),
) (S, error) {
	if postgres.IsURL(at) {
		return pg(ctx, at, postgres.Options{})
	}
	return file(ctx, at)
}

// OpenAt is OpenEither for the rest of the test, which fails if it does.
func OpenAt[S Store](t testing.TB, at string,
	file func(context.Context, string) (S, error),
	pg func(context.Context, string, postgres.Options) (S, error),
) S {
	t.Helper()
	s, err := OpenEither(context.Background(), at, file, pg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

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

// Store is what a store's Open and OpenPostgres return.
type Store interface{ Close() error }

// Stores opens one kind of store (the event log, the journal) on either
// engine, for a suite that runs each of its tests on both.
type Stores[S Store] struct {
	// FileName is the store's file in a profile's directory (SQLite).
	FileName string
	Open     func(context.Context, string) (S, error)
	// OpenPostgres is given no password: the test server trusts its users.
	OpenPostgres func(context.Context, string, postgres.Options) (S, error)
}

// Engines are SQLite, with the store's file in a new directory, and
// PostgreSQL.
func (k Stores[S]) Engines() []Engine {
	return []Engine{
		{"sqlite", k.freshFile},
		{"postgres", Postgres},
	}
}

func (k Stores[S]) freshFile(t testing.TB) string {
	return filepath.Join(t.TempDir(), "profile", k.FileName)
}

// Each runs test once per engine, as a subtest named after it.
func (k Stores[S]) Each(t *testing.T, test func(t *testing.T, eng Engine)) {
	for _, e := range k.Engines() {
		t.Run(e.Name, func(t *testing.T) { test(t, e) })
	}
}

// Either opens the store at a path or at a PostgreSQL URL.
func (k Stores[S]) Either(ctx context.Context, at string) (S, error) {
	if postgres.IsURL(at) {
		return k.OpenPostgres(ctx, at, postgres.Options{})
	}
	return k.Open(ctx, at)
}

// At is Either for the rest of the test, which fails if it does.
func (k Stores[S]) At(t testing.TB, at string) S {
	t.Helper()
	s, err := k.Either(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// New opens a new, empty store on eng for the rest of the test.
func (k Stores[S]) New(t testing.TB, eng Engine) S {
	t.Helper()
	return k.At(t, eng.Fresh(t))
}

// Temp opens a new, empty SQLite store for the rest of the test.
func (k Stores[S]) Temp(t testing.TB) S {
	t.Helper()
	return k.At(t, k.freshFile(t))
}

// Without is a copy of xs with clear applied to each element, for comparing
// a store's copy with its source but for what the copy assigns itself (IDs).
func Without[T any](xs []T, clear func(*T)) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		clear(&x)
		out[i] = x
	}
	return out
}

// EachNew runs test once per engine, as a subtest named after it, on a new,
// empty store there.
func (k Stores[S]) EachNew(t *testing.T, test func(t *testing.T, s S)) {
	k.Each(t, func(t *testing.T, eng Engine) { test(t, k.New(t, eng)) })
}

// SQLiteAndPostgres opens a new, empty store on each engine for the rest of
// the test: a copy's source and its target.
func (k Stores[S]) SQLiteAndPostgres(t testing.TB) (S, S) {
	t.Helper()
	return k.Temp(t), k.At(t, Postgres(t))
}

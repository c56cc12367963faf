package journal

import (
	"context"
	"testing"

	"mps/store/storetest"
)

// engine is one of the two engines each test of the suite runs on.
type engine = storetest.Engine

func eachEngine(t *testing.T, test func(t *testing.T, eng engine)) {
	storetest.EachEngine(t, FileName, test)
}

// openNew opens a new, empty journal on eng for the rest of the test.
func openNew(t testing.TB, eng engine) *Store {
	t.Helper()
	return openAt(t, eng.Fresh(t))
}

// openJournal opens the journal at a path or a PostgreSQL URL.
func openJournal(ctx context.Context, at string) (*Store, error) {
	return storetest.OpenEither(ctx, at, Open, OpenPostgres)
}

// openAt opens the journal at a path or URL for the rest of the test.
func openAt(t testing.TB, at string) *Store {
	t.Helper()
	return storetest.OpenAt(t, at, Open, OpenPostgres)
}

package eventlog

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

// openNew opens a new, empty log on eng for the rest of the test.
func openNew(t testing.TB, eng engine) *Log {
	t.Helper()
	return openAt(t, eng.Fresh(t))
}

// openLog opens the log at a path or a PostgreSQL URL.
func openLog(ctx context.Context, at string) (*Log, error) {
	return storetest.OpenEither(ctx, at, Open, OpenPostgres)
}

// openAt opens the log at a path or URL for the rest of the test.
func openAt(t testing.TB, at string) *Log {
	t.Helper()
	return storetest.OpenAt(t, at, Open, OpenPostgres)
}

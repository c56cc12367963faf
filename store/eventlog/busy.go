package eventlog

import (
	"errors"

	"modernc.org/sqlite"
)

// sqliteBusy and sqliteLocked are SQLite's primary result codes for a lock
// held by another connection; extended codes keep them in the low byte.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
)

// IsBusy reports whether err is another process holding the log's lock for
// longer than the busy timeout: the same read is likely to work a moment
// later, so a poller should try again rather than report a broken log.
func IsBusy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	code := e.Code() & 0xff
	return code == sqliteBusy || code == sqliteLocked
}

// isReadOnly reports whether SQLite refused to write: the file, its
// directory or its WAL index is not this process's to write.
func isReadOnly(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqliteReadOnly
}

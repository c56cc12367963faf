package sqlitefile

import (
	"errors"

	"modernc.org/sqlite"
)

// ErrNoDirectory says that the file's directory could not be made.
var ErrNoDirectory = errors.New("cannot make the directory")

// SQLite's primary result codes; extended codes keep them in the low byte.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
)

// IsBusy reports whether err is another process holding the file's lock
// for longer than the busy timeout: the same read is likely to work a
// moment later, so a poller should try again rather than report a broken
// file.
func IsBusy(err error) bool {
	code, ok := sqliteCode(err)
	return ok && (code == sqliteBusy || code == sqliteLocked)
}

// isReadOnly reports whether SQLite refused to write: the file, its
// directory or its WAL index is not this process's to write.
func isReadOnly(err error) bool {
	code, ok := sqliteCode(err)
	return ok && code == sqliteReadOnly
}

func sqliteCode(err error) (int, bool) {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return 0, false
	}
	return e.Code() & 0xff, true
}

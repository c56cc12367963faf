package eventlog

import "mps/store/sqlitefile"

// IsBusy reports whether err is another process holding the log's lock for
// longer than the busy timeout: the same read is likely to work a moment
// later, so a poller should try again rather than report a broken log.
func IsBusy(err error) bool { return sqlitefile.IsBusy(err) }

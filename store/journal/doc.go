// Package journal records every change mps asks Graph to make: each entry
// is written before the POST is sent (who, what, on which object, from
// which state, why) and completed after it (done, refused with Graph's
// identifiers, or unknown, and the state read afterwards). An entry that
// was begun and never completed means mps stopped in between; the next
// start reads the object once and completes it, without sending anything.
//
// The journal holds no token and no secret: an Entry has no field for one.
// Journal is the interface the dashboard and the commands use; Store is its
// implementation, on an embedded SQLite file opened by store/sqlitefile's
// rules (Open), or in a PostgreSQL database a team shares (OpenPostgres),
// whose Follow tells each dashboard of its teammates' entries.
package journal

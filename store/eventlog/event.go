// Package eventlog keeps webhook events durably, de-duplicated by a key the
// receiver computes: in a SQLite file (WAL mode), one per profile, where
// one process may write while others read; or in a PostgreSQL database a
// team shares (OpenPostgres), where several receivers may write at once
// and Follow tells every reader of what they commit.
package eventlog

import (
	"encoding/json"
	"time"
)

// Event is one stored webhook change. It mirrors the receiver's parsed
// fields; store does not know the graph packages, so the wiring layer
// converts.
type Event struct {
	ID  int64  // assigned by the log; ascending in insertion order
	Key string // de-duplication key; a second event with the same key is not stored

	Received  time.Time // when the receiver took it
	EntryTime time.Time // the entry's time; zero when unknown
	EntryID   string
	Object    string

	Field           string
	Event           string
	SolutionID      string
	WABAID          string
	Status          string // solution_status for partner_solutions
	OwnerBusinessID string
	PartnerAppID    string
	BusinessIDs     []string // solution_partner_business_ids
	Known           bool     // the field and event are ones mps understands

	Raw json.RawMessage // the change as received
}

// When is the event's own time, or when it was received if it has none.
func (e Event) When() time.Time {
	if !e.EntryTime.IsZero() {
		return e.EntryTime
	}
	return e.Received
}

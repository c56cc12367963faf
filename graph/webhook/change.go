package webhook

import (
	"encoding/json"
	"time"
)

// Change is one element of an entry's changes list, with the fields mps
// reads pulled out. Values of the wrong JSON type are read leniently (numbers
// as text, text as numbers) or left empty; Raw always keeps the change as it
// arrived.
type Change struct {
	Key string // stable across redeliveries of the same change; see dedupKey

	Object    string    // the payload's top-level "object"
	EntryID   string    // entry.id: a business portfolio ID
	EntryTime time.Time // entry.time; zero when absent or unreadable
	Received  time.Time // set by the Handler; zero from Parse

	Field string // changes[].field
	Event string // value.event

	SolutionID      string   // partner_solutions value.solution_id or account_update waba_info.solution_id
	SolutionStatus  string   // partner_solutions value.solution_status
	WABAID          string   // waba_info.waba_id
	OwnerBusinessID string   // waba_info.owner_business_id
	PartnerAppID    string   // waba_info.partner_app_id
	BusinessIDs     []string // waba_info.solution_partner_business_ids

	// Known is true when the field and event are ones mps understands.
	Known bool
	// Raw is the change's JSON as received (or the smallest enclosing piece
	// that could be read, when the change itself could not be located).
	Raw json.RawMessage
}

package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Parse reads a delivery's body. It fails only when the body is not a JSON
// object; every change inside it becomes a Change, understood or not. A
// piece whose shape is wrong (an entry that is not an object, changes that
// are not a list...) becomes one unknown Change carrying that piece raw, so
// nothing Meta sent is dropped. An empty or missing entry list gives no
// changes and no error.
func Parse(body []byte) ([]Change, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil || top == nil {
		return nil, fmt.Errorf("%w (%s)", ErrMalformed, describeJSONError(err))
	}
	object := text(top["object"])
	if isAbsent(top["entry"]) {
		return nil, nil
	}
	var entries []json.RawMessage
	if err := json.Unmarshal(top["entry"], &entries); err != nil {
		return []Change{unreadable(object, entryInfo{}, body)}, nil
	}
	var out []Change
	for _, rawEntry := range entries {
		out = append(out, parseEntry(object, rawEntry)...)
	}
	return out, nil
}

// entryInfo is what an entry tells about all of its changes.
type entryInfo struct {
	id       string
	timeText string
}

func parseEntry(object string, rawEntry json.RawMessage) []Change {
	var entry map[string]json.RawMessage
	if err := json.Unmarshal(rawEntry, &entry); err != nil || entry == nil {
		return []Change{unreadable(object, entryInfo{}, rawEntry)}
	}
	info := entryInfo{id: text(entry["id"]), timeText: text(entry["time"])}
	if isAbsent(entry["changes"]) {
		return nil
	}
	var changes []json.RawMessage
	if err := json.Unmarshal(entry["changes"], &changes); err != nil {
		return []Change{unreadable(object, info, rawEntry)}
	}
	out := make([]Change, 0, len(changes))
	for _, rawChange := range changes {
		out = append(out, parseChange(object, info, rawChange))
	}
	return out
}

func parseChange(object string, info entryInfo, rawChange json.RawMessage) Change {
	c := unreadable(object, info, rawChange)
	var change map[string]json.RawMessage
	if err := json.Unmarshal(rawChange, &change); err != nil || change == nil {
		return c
	}
	c.Field = text(change["field"])
	value := fields(change["value"])
	c.Event = text(value["event"])
	switch c.Field {
	case FieldPartnerSolutions:
		c.SolutionID = text(value["solution_id"])
		c.SolutionStatus = text(value["solution_status"])
		c.Known = c.Event == EventSolutionCreated || c.Event == EventSolutionUpdated
	case FieldAccountUpdate:
		info := fields(value["waba_info"])
		c.WABAID = text(info["waba_id"])
		c.OwnerBusinessID = text(info["owner_business_id"])
		c.SolutionID = text(info["solution_id"])
		c.PartnerAppID = text(info["partner_app_id"])
		c.BusinessIDs = texts(info["solution_partner_business_ids"])
		switch c.Event {
		case EventPartnerAdded, EventPartnerAppInstalled, EventPartnerAppUninstalled, EventPartnerRemoved:
			c.Known = true
		}
	}
	return c
}

// unreadable is a Change that carries raw as it is, with only what the
// enclosing levels told.
func unreadable(object string, info entryInfo, raw json.RawMessage) Change {
	return Change{
		Key:       dedupKey(object, info, raw),
		Object:    object,
		EntryID:   info.id,
		EntryTime: unixTime(info.timeText),
		Raw:       append(json.RawMessage(nil), raw...),
	}
}

func describeJSONError(err error) string {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return "null"
	case errors.As(err, &syntax):
		return fmt.Sprintf("invalid JSON at byte %d", syntax.Offset)
	case errors.As(err, &typeErr):
		return "found a JSON " + typeErr.Value
	default:
		return "invalid JSON"
	}
}

package webhook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// dedupKey identifies a change across redeliveries: the hex SHA-256 of the
// object, entry ID, entry time and the change's canonical JSON (members
// sorted, whitespace removed, numbers kept as written). A redelivery that
// re-encodes the same change gets the same key.
func dedupKey(object string, info entryInfo, raw json.RawMessage) string {
	parts, _ := json.Marshal([]any{object, info.id, info.timeText, canonical(raw)})
	sum := sha256.Sum256(parts)
	return hex.EncodeToString(sum[:])
}

// canonical re-encodes raw with sorted members and no insignificant space.
// Unreadable input is kept as it is (as a string, so the key stays valid JSON).
func canonical(raw json.RawMessage) any {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return string(raw)
	}
	return v
}

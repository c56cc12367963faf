package webhook

import (
	"encoding/json"
	"errors"
	"mps/graph/webhook/webhooktest"
	"reflect"
	"strings"
	"testing"
	"time"
)

// withoutKeyAndRaw blanks the fields checked separately.
func withoutKeyAndRaw(cs []Change) []Change {
	out := make([]Change, len(cs))
	for i, c := range cs {
		c.Key, c.Raw = "", nil
		out[i] = c
	}
	return out
}

func TestParseDocumentedPayloads(t *testing.T) {
	const object = "whatsapp_business_account"
	tests := []struct {
		file string
		want []Change
	}{
		{"guide_account_update_partner_added.json", []Change{{
			Object: object, EntryID: "506914307656634", EntryTime: time.Unix(1690592557, 0).UTC(),
			Field: FieldAccountUpdate, Event: EventPartnerAdded,
			SolutionID: "303610109049230", WABAID: "102290129340398", OwnerBusinessID: "6143763655652543",
			BusinessIDs: []string{"506914307656634", "116133292427920"}, Known: true,
		}}},
		{"guide_partner_solutions_created.json", []Change{{
			Object: object, EntryID: "506914307656634", EntryTime: time.Unix(1718143652, 0).UTC(),
			Field: FieldPartnerSolutions, Event: EventSolutionCreated,
			SolutionID: "774485461512159", SolutionStatus: "INITIATED", Known: true,
		}}},
		{"guide_partner_solutions_pending_deactivation.json", []Change{{
			Object: object, EntryID: "506914307656634", EntryTime: time.Unix(1718150000, 0).UTC(),
			Field: FieldPartnerSolutions, Event: EventSolutionUpdated,
			SolutionID: "774485461512159", SolutionStatus: "PENDING_DEACTIVATION", Known: true,
		}}},
		{"notes_account_update_partner_app_installed.json", []Change{{
			Object: object, EntryID: "102290129340398", EntryTime: time.Unix(1690600000, 0).UTC(),
			Field: FieldAccountUpdate, Event: EventPartnerAppInstalled,
			WABAID: "102290129340398", PartnerAppID: "934567812345678", Known: true,
		}}},
		{"notes_account_update_partner_app_uninstalled.json", []Change{{
			Object: object, EntryID: "102290129340398", EntryTime: time.Unix(1690700000, 0).UTC(),
			Field: FieldAccountUpdate, Event: EventPartnerAppUninstalled,
			WABAID: "102290129340398", PartnerAppID: "934567812345678", Known: true,
		}}},
		{"notes_account_update_partner_removed.json", []Change{{
			Object: object, EntryID: "102290129340398", EntryTime: time.Unix(1690800000, 0).UTC(),
			Field: FieldAccountUpdate, Event: EventPartnerRemoved,
			WABAID: "102290129340398", OwnerBusinessID: "6143763655652543", Known: true,
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body := webhooktest.Payload(t, tt.file)
			got, err := Parse(body)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(withoutKeyAndRaw(got), tt.want) {
				t.Fatalf("Parse:\n got %+v\nwant %+v", withoutKeyAndRaw(got), tt.want)
			}
			assertRawIsTheChange(t, body, got)
		})
	}
}

// assertRawIsTheChange checks each change's Raw is the body's own change
// object, member for member, and that its key is set.
func assertRawIsTheChange(t *testing.T, body []byte, got []Change) {
	t.Helper()
	var doc struct {
		Entry []struct {
			Changes []json.RawMessage `json:"changes"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	var want []json.RawMessage
	for _, e := range doc.Entry {
		want = append(want, e.Changes...)
	}
	if len(want) != len(got) {
		t.Fatalf("got %d changes, the body has %d", len(got), len(want))
	}
	for i := range got {
		if string(got[i].Raw) != string(want[i]) {
			t.Errorf("change %d Raw = %s, want %s", i, got[i].Raw, want[i])
		}
		if len(got[i].Key) != 64 {
			t.Errorf("change %d key %q is not a hex SHA-256", i, got[i].Key)
		}
	}
}

func TestParseKeepsUnknownFieldsAndEventsRaw(t *testing.T) {
	body := webhooktest.Payload(t, "unknown_field_and_event.json")
	got, err := Parse(body)
	if err != nil {
		t.Fatal(err)
	}
	assertRawIsTheChange(t, body, got)
	wantNames := []string{
		"message_template_status_update/APPROVED",
		"account_update/ACCOUNT_VIOLATION",
		"partner_solutions/SOLUTION_ARCHIVED",
	}
	for i, c := range got {
		if c.Known {
			t.Errorf("change %d (%s) marked known", i, EventName(c.Field, c.Event))
		}
		if EventName(c.Field, c.Event) != wantNames[i] {
			t.Errorf("change %d is %s, want %s", i, EventName(c.Field, c.Event), wantNames[i])
		}
	}
	if got[2].SolutionID != "774485461512159" || got[2].SolutionStatus != "ARCHIVED" {
		t.Errorf("unknown partner_solutions event lost its ids: %+v", got[2])
	}
}

func TestParseWrongTypes(t *testing.T) {
	got, err := Parse(webhooktest.Payload(t, "wrong_types.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("got %d changes, want 5 (3 in the first entry, the bad entry, the bad changes list): %+v", len(got), got)
	}
	added := got[0]
	if added.EntryID != "506914307656634" || !added.EntryTime.Equal(time.Unix(1690592557, 0)) {
		t.Errorf("entry id/time given as number/text not read: %q %v", added.EntryID, added.EntryTime)
	}
	if added.WABAID != "102290129340398" || added.SolutionID != "123456789012345678901234567890" {
		t.Errorf("numeric ids not kept digit for digit: waba %q solution %q", added.WABAID, added.SolutionID)
	}
	if !reflect.DeepEqual(added.BusinessIDs, []string{"506914307656634"}) || !added.Known {
		t.Errorf("single business id as text: %v known=%v", added.BusinessIDs, added.Known)
	}
	if got[1].Field != FieldPartnerSolutions || got[1].Event != "" || got[1].Known {
		t.Errorf("value that is not an object: %+v", got[1])
	}
	if string(got[2].Raw) != "42" || got[2].EntryID != "506914307656634" {
		t.Errorf("change that is not an object: %+v", got[2])
	}
	if string(got[3].Raw) != `"not an entry"` {
		t.Errorf("entry that is not an object: raw %s", got[3].Raw)
	}
	if got[4].EntryID != "1" || !got[4].EntryTime.IsZero() || !strings.Contains(string(got[4].Raw), `"changes"`) {
		t.Errorf("changes that are not a list, huge time: %+v", got[4])
	}
	keys := map[string]bool{}
	for _, c := range got {
		keys[c.Key] = true
	}
	if len(keys) != len(got) {
		t.Errorf("distinct changes share keys: %d keys for %d changes", len(keys), len(got))
	}
}

func TestParseEdgeShapes(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantErr   bool
		wantCount int
	}{
		{"malformed JSON", `{"entry":[`, true, 0},
		{"not an object", `[1,2]`, true, 0},
		{"null", `null`, true, 0},
		{"empty", ``, true, 0},
		{"trailing garbage", `{} x`, true, 0},
		{"empty object", `{}`, false, 0},
		{"empty entry list", `{"object":"whatsapp_business_account","entry":[]}`, false, 0},
		{"null entry", `{"entry":null}`, false, 0},
		{"entry without changes", `{"entry":[{"id":"1","time":1}]}`, false, 0},
		{"entry is an object", `{"object":"page","entry":{"id":"1"}}`, false, 1},
		{"unknown object", `{"object":"instagram","entry":[{"id":"9","time":1,"changes":[{"field":"comments","value":{"text":"hi"}}]}]}`, false, 1},
		{"huge numbers", `{"entry":[{"id":1e999,"time":99999999999999999999999,"changes":[{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":-0.5e-999}}}]}]}`, false, 1},
		{"negative time", `{"entry":[{"id":"1","time":-5,"changes":[{"field":"x"}]}]}`, false, 1},
		{"field as number", `{"entry":[{"id":"1","changes":[{"field":7,"value":{}}]}]}`, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.body))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrMalformed) {
				t.Fatalf("err %v does not wrap ErrMalformed", err)
			}
			if len(got) != tt.wantCount {
				t.Fatalf("got %d changes, want %d: %+v", len(got), tt.wantCount, got)
			}
			for _, c := range got {
				if !json.Valid(c.Raw) || c.Key == "" {
					t.Fatalf("change without valid raw or key: %+v", c)
				}
				if !c.EntryTime.IsZero() && c.EntryTime.Year() > 9999 {
					t.Fatalf("absurd time %v", c.EntryTime)
				}
			}
		})
	}
}

func TestDedupKey(t *testing.T) {
	original := webhooktest.Payload(t, "guide_account_update_partner_added.json")
	reencoded := `{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"account_update","value":{"waba_info":{"solution_partner_business_ids":["506914307656634","116133292427920"],"solution_id":"303610109049230","owner_business_id":"6143763655652543","waba_id":"102290129340398"},"event":"PARTNER_ADDED"}}],"time":1690592557,"id":"506914307656634"}]}`
	a, _ := Parse(original)
	b, _ := Parse([]byte(reencoded))
	if a[0].Key != b[0].Key {
		t.Fatalf("a redelivery re-encoded differently got another key")
	}
	variants := []string{
		strings.Replace(reencoded, `"time":1690592557`, `"time":1690592558`, 1),
		strings.Replace(reencoded, `"id":"506914307656634"}`, `"id":"506914307656635"}`, 1),
		strings.Replace(reencoded, `"waba_id":"102290129340398"`, `"waba_id":"102290129340399"`, 1),
		strings.Replace(reencoded, `"event":"PARTNER_ADDED"`, `"event":"PARTNER_REMOVED"`, 1),
	}
	for i, v := range variants {
		c, err := Parse([]byte(v))
		if err != nil || len(c) != 1 {
			t.Fatalf("variant %d: %v", i, err)
		}
		if c[0].Key == a[0].Key {
			t.Errorf("variant %d (a different change) has the same key", i)
		}
	}
}

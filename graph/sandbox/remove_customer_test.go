package sandbox

import (
	"slices"
	"testing"

	"mps/graph"
	"mps/graph/webhook"
)

// A removed customer emits PARTNER_REMOVED in the shape of the notes'
// example, and is then gone from the list, filtered or not, and from reads.
func TestRemoveCustomer(t *testing.T) {
	c := newTClient(t, Options{WABAs: 150})
	h := recordHooks(c.s)
	before := c.s.WABAs()
	gone := before[120] // on the second page of 100
	if err := c.s.RemoveCustomer(gone.ID); err != nil {
		t.Fatal(err)
	}
	hooks := h.parsed(t)
	if len(hooks) != 1 {
		t.Fatalf("%d webhooks, want 1", len(hooks))
	}
	v := hooks[0].Entry[0].Changes[0].Value
	if hooks[0].Entry[0].Changes[0].Field != webhook.FieldAccountUpdate || v.Event != webhook.EventPartnerRemoved ||
		v.WABAInfo == nil || v.WABAInfo.WABAID != gone.ID || v.WABAInfo.OwnerBusinessID == "" {
		t.Fatalf("PARTNER_REMOVED %+v %+v", v, v.WABAInfo)
	}
	notes := `{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1690800000,"changes":[{"field":"account_update","value":{"event":"PARTNER_REMOVED","waba_info":{"waba_id":"102290129340398","owner_business_id":"6143763655652543"}}}]}]}`
	h.mu.Lock()
	payload := string(h.payloads[0])
	h.mu.Unlock()
	if got, want := keyPaths(t, payload), keyPaths(t, notes); !slices.Equal(got, want) {
		t.Errorf("payload keys\n got %v\nwant %v", got, want)
	}

	if c.s.WABACount() != len(before)-1 || slices.Contains(c.s.WABAs(), gone) {
		t.Fatalf("the sandbox still counts or lists %s", gone.ID)
	}
	listed := allWABAs(t, c, "/"+DemoBusinessID+"/client_whatsapp_business_accounts", "")
	if len(listed) != len(before)-1 || slices.Contains(listed, gone.ID) {
		t.Fatalf("the list has %d WABAs (want %d), the removed one among them: %v", len(listed), len(before)-1, slices.Contains(listed, gone.ID))
	}
	for _, b := range DemoPartnerBusinessIDs() {
		if slices.Contains(allWABAs(t, c, "/"+DemoBusinessID+"/client_whatsapp_business_accounts", filterJSON([]string{b})), gone.ID) {
			t.Fatalf("the list filtered by %s still has %s", b, gone.ID)
		}
	}
	if e := failed(t, c.get("/"+gone.ID, q("fields", graph.WABAFields)), 400, 100); e.Subcode != 33 {
		t.Fatalf("reading the removed WABA: subcode %d, want 33", e.Subcode)
	}
	if err := c.s.RemoveCustomer(gone.ID); err == nil {
		t.Fatal("a customer was removed twice")
	}
}

// Under BareWABAInfo, PARTNER_ADDED names the WABA and its owner only.
func TestOnboardCustomerBareWABAInfo(t *testing.T) {
	c := newTClient(t, Options{WABAs: 3, BareWABAInfo: true})
	h := recordHooks(c.s)
	waba, err := c.s.OnboardCustomer(solutionNamed(t, c.s, "Social Brew retail").ID)
	if err != nil {
		t.Fatal(err)
	}
	h.mu.Lock()
	payload := string(h.payloads[0])
	h.mu.Unlock()
	bare := `{"object":"whatsapp_business_account","entry":[{"id":"1","time":1,"changes":[{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"1","owner_business_id":"2"}}}]}]}`
	if got, want := keyPaths(t, payload), keyPaths(t, bare); !slices.Equal(got, want) {
		t.Errorf("payload keys\n got %v\nwant %v", got, want)
	}
	if v := h.parsed(t)[0].Entry[0].Changes[0].Value; v.WABAInfo == nil || v.WABAInfo.WABAID != waba.ID {
		t.Fatalf("PARTNER_ADDED %+v", v)
	}
}

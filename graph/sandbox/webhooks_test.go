package sandbox

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"mps/graph"
	"mps/graph/webhook"
)

// hookRecorder keeps the payloads a sandbox emits. Subscribers run on the
// server's goroutines, hence the lock.
type hookRecorder struct {
	mu       sync.Mutex
	payloads [][]byte
}

func recordHooks(s *Sandbox) *hookRecorder {
	h := &hookRecorder{}
	s.OnWebhook(func(p []byte) {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.payloads = append(h.payloads, p)
	})
	return h
}

func (h *hookRecorder) reset() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.payloads = nil
}

// parsedHook is a webhook body with both kinds of change value.
type parsedHook struct {
	Object string `json:"object"`
	Entry  []struct {
		ID      string `json:"id"`
		Time    int64  `json:"time"`
		Changes []struct {
			Field string `json:"field"`
			Value struct {
				solutionChange
				WABAInfo *wabaInfo `json:"waba_info"`
			} `json:"value"`
		} `json:"changes"`
	} `json:"entry"`
}

func (h *hookRecorder) parsed(t *testing.T) []parsedHook {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []parsedHook
	for _, p := range h.payloads {
		var ph parsedHook
		if err := json.Unmarshal(p, &ph); err != nil {
			t.Fatalf("payload %s: %v", p, err)
		}
		if ph.Object != "whatsapp_business_account" || len(ph.Entry) != 1 || ph.Entry[0].ID != DemoBusinessID ||
			ph.Entry[0].Time != fixedNow().Unix() || len(ph.Entry[0].Changes) != 1 {
			t.Fatalf("envelope %s", p)
		}
		out = append(out, ph)
	}
	return out
}

// Our payloads have exactly the keys of the guide's examples.
func TestWebhookPayloadsMatchGuideShape(t *testing.T) {
	c := newTClient(t, Options{})
	h := recordHooks(c.s)
	id := c.s.CreateIncomingRequest("")
	active := solutionNamed(t, c.s, "Social Brew retail")
	if _, err := c.s.OnboardCustomer(active.ID); err != nil {
		t.Fatal(err)
	}
	h.mu.Lock()
	created, added := h.payloads[0], h.payloads[1]
	h.mu.Unlock()
	guideCreated := `{"entry":[{"id":"506914307656634","time":1718143652,"changes":[{"value":{"event":"SOLUTION_CREATED","solution_id":"774485461512159","solution_status":"INITIATED"},"field":"partner_solutions"}]}],"object":"whatsapp_business_account"}`
	guideAdded := `{"entry":[{"id":"506914307656634","time":1690592557,"changes":[{"value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"102290129340398","owner_business_id":"6143763655652543","solution_id":"303610109049230","solution_partner_business_ids":["506914307656634","116133292427920"]}},"field":"account_update"}]}],"object":"whatsapp_business_account"}`
	for _, pair := range [][2]string{{string(created), guideCreated}, {string(added), guideAdded}} {
		if got, want := keyPaths(t, pair[0]), keyPaths(t, pair[1]); !slices.Equal(got, want) {
			t.Errorf("payload keys\n got %v\nwant %v", got, want)
		}
	}
	hooks := h.parsed(t)
	if v := hooks[0].Entry[0].Changes[0].Value; v.Event != webhook.EventSolutionCreated || v.SolutionID != id || v.SolutionStatus != "INITIATED" {
		t.Errorf("created %+v", v)
	}
}

// keyPaths lists every key path in a JSON document, sorted.
func keyPaths(t *testing.T, doc string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, sub := range x {
				out = append(out, prefix+"."+k)
				walk(prefix+"."+k, sub)
			}
		case []any:
			for _, sub := range x {
				walk(prefix+"[]", sub)
			}
		}
	}
	walk("", v)
	slices.Sort(out)
	return slices.Compact(out)
}

func TestOnboardCustomer(t *testing.T) {
	c := newTClient(t, Options{WABAs: 10})
	h := recordHooks(c.s)
	sol := solutionNamed(t, c.s, "Jaspers Market loyalty") // pending deactivation still onboards
	waba, err := c.s.OnboardCustomer(sol.ID)
	if err != nil {
		t.Fatal(err)
	}
	hooks := h.parsed(t)
	if len(hooks) != 1 {
		t.Fatalf("%d webhooks", len(hooks))
	}
	ch := hooks[0].Entry[0].Changes[0]
	jaspers := demoPartnerApps()[2].business
	if ch.Field != webhook.FieldAccountUpdate || ch.Value.Event != webhook.EventPartnerAdded || ch.Value.WABAInfo == nil ||
		ch.Value.WABAInfo.WABAID != waba.ID || ch.Value.WABAInfo.SolutionID != sol.ID || ch.Value.WABAInfo.OwnerBusinessID == "" ||
		!slices.Equal(ch.Value.WABAInfo.SolutionPartnerBusinessIDs, []string{jaspers, DemoBusinessID}) {
		t.Fatalf("PARTNER_ADDED %+v %+v", ch.Value, ch.Value.WABAInfo)
	}
	// The new customer is listed, filtered by its partner, and knows its solution.
	listed := allWABAs(t, c, "/"+DemoBusinessID+"/client_whatsapp_business_accounts", filterJSON([]string{jaspers}))
	if listed[len(listed)-1] != waba.ID {
		t.Fatalf("new WABA %s not listed last under its partner: %v", waba.ID, listed)
	}
	page := ok[graph.Page[graph.Solution]](t, c.get("/"+waba.ID+"/solutions", nil))
	if len(page.Data) != 1 || page.Data[0].ID != sol.ID {
		t.Fatalf("new WABA's solutions %+v", page.Data)
	}

	h.reset()
	for _, name := range []string{"Social OVD with Northwind", "Northwind draft for Lucky Shrub", "Lucky Shrub 2025 pilot"} {
		if _, err := c.s.OnboardCustomer(solutionNamed(t, c.s, name).ID); err == nil {
			t.Errorf("onboarded through %q", name)
		}
	}
	if _, err := c.s.OnboardCustomer("1"); err == nil {
		t.Error("onboarded through a solution that does not exist")
	}
	if len(h.parsed(t)) != 0 {
		t.Error("a refused onboarding emitted a webhook")
	}
}

func TestCreateIncomingRequest(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	h := recordHooks(c.s)
	id := c.s.CreateIncomingRequest("Hostile \x1b[31mname\u202e")
	page := ok[graph.Page[graph.Solution]](t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("role", "PARTNER", "fields", graph.SolutionFields)))
	i := slices.IndexFunc(page.Data, func(s graph.Solution) bool { return s.ID == id })
	if i < 0 {
		t.Fatalf("new request %s not in the partner list", id)
	}
	got := page.Data[i]
	if got.Name != "Hostile \x1b[31mname\u202e" || got.State() != graph.StatePending || graph.RoleOf(&got, DemoAppID) != graph.RolePartner {
		t.Fatalf("new request %+v", got)
	}
	if !graph.Check(graph.ActionAccept, got.State(), graph.RolePartner).Allowed {
		t.Fatal("the new request cannot be accepted")
	}
	if hooks := h.parsed(t); len(hooks) != 1 || hooks[0].Entry[0].Changes[0].Value.Event != webhook.EventSolutionCreated {
		t.Fatalf("webhooks %+v", hooks)
	}
}

func TestHelpersEmitOnStatusChange(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	h := recordHooks(c.s)
	sol := solutionNamed(t, c.s, "Social Brew retail")
	c.s.SetSolutionName(sol.ID, "Renamed")
	if len(h.parsed(t)) != 0 {
		t.Fatal("a rename emitted a status webhook")
	}
	c.s.SetSolutionStatus(sol.ID, "SUSPENDED_BY_META", "NONE")
	hooks := h.parsed(t)
	if len(hooks) != 1 || hooks[0].Entry[0].Changes[0].Value.SolutionStatus != "SUSPENDED_BY_META" {
		t.Fatalf("webhooks %+v", hooks)
	}
	got := ok[graph.Solution](t, c.get("/"+sol.ID, nil))
	if got.Name != "Renamed" || got.Status != "SUSPENDED_BY_META" || got.StateLabel() != "SUSPENDED_BY_META" {
		t.Fatalf("after helpers: %+v", got)
	}
}

// A subscriber may call back into the sandbox: no lock is held.
func TestWebhookSubscriberMayCallBack(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	var mu sync.Mutex
	var seen []string
	c.s.OnWebhook(func(p []byte) {
		var ph parsedHook
		json.Unmarshal(p, &ph)
		sol, _ := c.s.Solution(ph.Entry[0].Changes[0].Value.SolutionID)
		mu.Lock()
		seen = append(seen, sol.Status)
		mu.Unlock()
	})
	sol := solutionNamed(t, c.s, "Social OVD with Northwind")
	ok[json.RawMessage](t, c.post("/"+sol.ID+"/accept"))
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(seen, []string{graph.StatusActive}) {
		t.Fatalf("subscriber saw %v", seen)
	}
}

package sandbox

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mps/graph"
)

// changeEverything changes, through Graph's own endpoints and the control
// calls, every kind of record Changes keeps; it returns the created
// solution's ID, whose partner answers an hour later.
func changeEverything(t *testing.T, c *tclient) string {
	t.Helper()
	ok[map[string]any](t, c.post("/17602267745700/accept"))
	ok[map[string]any](t, c.form(http.MethodPost, "/"+wabaID(3)+"/subscribed_apps", ""))
	ok[shareAnswer](t, c.form(http.MethodPost, "/"+DemoCreditLineID+"/whatsapp_credit_sharing_and_attach", "waba_id="+wabaID(1)+"&waba_currency=EUR"))
	ok[map[string]any](t, c.form(http.MethodDelete, "/"+strconv.Itoa(allocationIDBase), ""))
	c.s.SetPartnerAnswer(PartnerAnswer{Reply: PartnerAccepts, After: time.Hour})
	created := ok[struct {
		ID string `json:"solution_id"`
	}](t, c.create(DemoAppID, createForm("Kept across runs", luckyShrubApp, `["MESSAGING"]`, `[]`)))
	if _, err := c.s.OnboardCustomer("17602267748700"); err != nil {
		t.Fatal(err)
	}
	if err := c.s.RemoveCustomer(wabaID(2)); err != nil {
		t.Fatal(err)
	}
	c.s.RemoveScope("manage_app_solution")
	app := c.token
	c.token = c.s.AppAccessToken()
	ok[map[string]any](t, c.form(http.MethodPost, "/"+DemoAppID+"/subscriptions",
		"object=whatsapp_business_account&callback_url=https%3A%2F%2Fexample.com%2Fhook&fields=account_update%2Cpartner_solutions&verify_token=v"))
	c.token = app
	return created.ID
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// through serves sb for a tclient of its own.
func through(t *testing.T, sb *Sandbox) *tclient {
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	return &tclient{t: t, s: sb, srv: srv, hc: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}, token: sb.Options().Token}
}

// What one sandbox changed, put back into another over its seed (through
// JSON, as the demo keeps it), gives the same answers to the same calls.
func TestChangesPutBackGiveTheSameSandbox(t *testing.T) {
	c := newTClient(t, Options{WABAs: 12})
	if got := c.s.Changes(); len(got) != 0 {
		t.Fatalf("the seed has changes: %v", got)
	}
	created := changeEverything(t, c)
	changes := c.s.Changes()
	for _, key := range []string{"solution/17602267745700", "solution/" + created, keyAppSub, "waba/3/subscribed", "waba/1/share",
		"waba/0/share", "waba/2/gone", "waba/13/onboarded", "scope/manage_app_solution", "answer/" + created, keyNextSolution, keyNextShare} {
		if _, ok := changes[key]; !ok {
			t.Errorf("no record %s among %v", key, slices.Sorted(maps.Keys(changes)))
		}
	}
	data, err := json.Marshal(changes)
	if err != nil {
		t.Fatal(err)
	}
	var back Changes
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	again := New(Options{WABAs: 12, Now: fixedNow})
	if err := again.ApplyChanges(back); err != nil {
		t.Fatal(err)
	}
	if got, _ := json.Marshal(again.Changes()); string(got) != string(data) {
		t.Fatalf("changes put back read\n%s\nwant\n%s", got, data)
	}
	if !slices.EqualFunc(again.Solutions(), c.s.Solutions(), func(a, b graph.Solution) bool { return string(mustJSON(a)) == string(mustJSON(b)) }) {
		t.Fatal("the solutions differ after putting the changes back")
	}
	if !slices.Equal(again.WABAs(), c.s.WABAs()) {
		t.Fatal("the customers differ after putting the changes back")
	}
	d := through(t, again)
	for _, path := range []string{"/" + wabaID(3) + "/subscribed_apps", "/" + wabaID(1) + "?fields=primary_funding_id", "/" + DemoCreditLineID + "/owning_credit_allocation_configs"} {
		p, query, _ := strings.Cut(path, "?")
		vals := q()
		if query != "" {
			k, v, _ := strings.Cut(query, "=")
			vals = q(k, v)
		}
		if a, b := c.get(p, vals), d.get(p, vals); a.status != b.status || string(a.body) != string(b.body) {
			t.Errorf("GET %s: %d %s, put back %d %s", path, a.status, a.body, b.status, b.body)
		}
	}
	d.token = again.AppAccessToken()
	if sub := ok[subsAnswer](t, d.get("/"+DemoAppID+"/subscriptions", nil)); len(sub.Data) != 1 || len(sub.Data[0].Fields) != 2 || sub.Data[0].CallbackURL != "https://example.com/hook" {
		t.Errorf("the app's subscription put back: %+v", sub.Data)
	}
}

// A partner's answer that fell due while no sandbox ran is given when the
// changes are put back; one still to come waits.
func TestChangesKeepThePartnersAnswer(t *testing.T) {
	c := newTClient(t, Options{WABAs: 12})
	created := changeEverything(t, c)
	changes := c.s.Changes()

	later := New(Options{WABAs: 12, Now: func() time.Time { return fixedNow().Add(2 * time.Hour) }})
	if err := later.ApplyChanges(changes); err != nil {
		t.Fatal(err)
	}
	if s, _ := later.Solution(created); s.Status != graph.StatusActive {
		t.Fatalf("two hours on, the created solution is %s, want the partner's accept", s.Status)
	}
	if _, left := later.Changes()["answer/"+created]; left {
		t.Fatal("the answer given is still kept as one to come")
	}
	soon := New(Options{WABAs: 12, Now: fixedNow})
	if err := soon.ApplyChanges(changes); err != nil {
		t.Fatal(err)
	}
	if s, _ := soon.Solution(created); s.Status != graph.StatusInitiated {
		t.Fatalf("before the answer is due the created solution is %s", s.Status)
	}
	if _, kept := soon.Changes()["answer/"+created]; !kept {
		t.Fatal("the answer to come was lost")
	}
}

// A record the sandbox cannot take is refused by name, and nothing of the
// changes is applied.
func TestChangesRefuseWhatTheyCannotRead(t *testing.T) {
	for name, bad := range map[string]Changes{
		"unknown key":        {"colour": json.RawMessage(`"red"`)},
		"not JSON":           {keyAppSub: json.RawMessage(`{`)},
		"unknown field":      {keyAppSub: json.RawMessage(`{"callback":"x"}`)},
		"solution not an ID": {"solution/abc": json.RawMessage(`{"name":"x","status":"ACTIVE","pending":"NONE","owner":"1","owner_permissions":[],"partners":[{"id":"2","app":"3","permissions":[],"status":"ACCEPTED"}]}`)},
		"no such customer":   {"waba/999/subscribed": json.RawMessage(`true`)},
		"skipped customer":   {"waba/40/onboarded": json.RawMessage(`["17602267748700"]`)},
		"answer to nothing":  {"answer/1": json.RawMessage(`{"reply":"accept","at":"2026-01-01T00:00:00Z"}`)},
		"wrong type":         {keyNextSolution: json.RawMessage(`"many"`)},
	} {
		sb := New(Options{WABAs: 12, Now: fixedNow})
		mixed := Changes{"waba/3/subscribed": json.RawMessage(`true`)}
		for k, v := range bad {
			mixed[k] = v
		}
		err := sb.ApplyChanges(mixed)
		if err == nil {
			t.Errorf("%s: taken", name)
			continue
		}
		if !strings.Contains(err.Error(), "record") {
			t.Errorf("%s: %v does not name the record", name, err)
		}
		if got := sb.Changes(); len(got) != 0 {
			t.Errorf("%s: refused, yet applied %v", name, got)
		}
	}
}

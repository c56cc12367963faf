package sandbox

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// form posts a form body to /v25.0{path}.
func (c *tclient) form(method, path string, body string) reply {
	c.t.Helper()
	r, err := c.do(method, testVersion+path, nil, body)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	return r
}

type subsAnswer struct {
	Data []struct {
		Object      string `json:"object"`
		CallbackURL string `json:"callback_url"`
		Active      bool   `json:"active"`
		Fields      []struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"fields"`
	} `json:"data"`
}

func TestAppSubscriptionsNeedTheAppToken(t *testing.T) {
	c := newTClient(t, Options{WABAs: 8})
	failed(t, c.get("/"+DemoAppID+"/subscriptions", nil), http.StatusBadRequest, 15)
	failed(t, c.form(http.MethodPost, "/"+DemoAppID+"/subscriptions", "object=whatsapp_business_account&callback_url=https%3A%2F%2Fa.example%2Fh&fields=account_update&verify_token=v"), http.StatusBadRequest, 15)

	c.token = c.s.AppAccessToken()
	got := ok[subsAnswer](t, c.get("/"+DemoAppID+"/subscriptions", nil))
	if len(got.Data) != 1 || got.Data[0].Object != "whatsapp_business_account" || !got.Data[0].Active || got.Data[0].CallbackURL != DemoCallbackURL {
		t.Fatalf("seeded subscription = %+v", got.Data)
	}
	if len(got.Data[0].Fields) != 1 || got.Data[0].Fields[0].Name != "account_update" {
		t.Fatalf("seeded fields = %+v, want account_update alone (no partner_solutions)", got.Data[0].Fields)
	}
	// The app token is no user: it cannot read the customers.
	failed(t, c.get("/"+DemoBusinessID+"/client_whatsapp_business_accounts", nil), http.StatusForbidden, 200)
}

func TestSubscribeRecordsMetasVerificationAndRefusesPlainHTTP(t *testing.T) {
	c := newTClient(t, Options{WABAs: 8})
	c.token = c.s.AppAccessToken()
	path := "/" + DemoAppID + "/subscriptions"
	failed(t, c.form(http.MethodPost, path, "object=whatsapp_business_account&callback_url=http%3A%2F%2Fa.example%2Fh&fields=account_update&verify_token=v"), http.StatusBadRequest, 100)
	failed(t, c.form(http.MethodPost, path, "object=page&callback_url=https%3A%2F%2Fa.example%2Fh&fields=account_update&verify_token=v"), http.StatusBadRequest, 100)
	failed(t, c.form(http.MethodPost, path, "object=whatsapp_business_account&callback_url=https%3A%2F%2Fa.example%2Fh&fields=account_update"), http.StatusBadRequest, 100)
	if n := len(c.s.Verifications()); n != 0 {
		t.Fatalf("%d verifications after refusals, want 0", n)
	}
	ok[map[string]any](t, c.form(http.MethodPost, path, "object=whatsapp_business_account&callback_url=https%3A%2F%2Fa.example%2Fh&fields=account_update%2Cpartner_solutions&verify_token=s3cret"))
	v := c.s.Verifications()
	if len(v) != 1 || v[0].CallbackURL != "https://a.example/h" || v[0].VerifyToken != "s3cret" {
		t.Fatalf("verifications = %+v", v)
	}
	got := ok[subsAnswer](t, c.get(path, nil))
	if len(got.Data) != 1 || len(got.Data[0].Fields) != 2 || got.Data[0].Fields[1].Name != "partner_solutions" || got.Data[0].CallbackURL != "https://a.example/h" {
		t.Fatalf("after subscribing: %+v", got.Data)
	}
}

func TestWABASubscribedApps(t *testing.T) {
	c := newTClient(t, Options{WABAs: 8})
	type apps struct {
		Data []struct {
			App struct{ ID, Name string } `json:"whatsapp_business_api_data"`
		} `json:"data"`
	}
	unsubscribed := wabaID(3) // every fourth seeded customer
	if got := ok[apps](t, c.get("/"+unsubscribed+"/subscribed_apps", nil)); len(got.Data) != 0 {
		t.Fatalf("seeded unsubscribed WABA lists %+v", got.Data)
	}
	if got := ok[apps](t, c.get("/"+wabaID(0)+"/subscribed_apps", nil)); len(got.Data) != 1 || got.Data[0].App.ID != DemoAppID {
		t.Fatalf("seeded subscribed WABA lists %+v", got.Data)
	}
	ok[map[string]any](t, c.post("/"+unsubscribed+"/subscribed_apps"))
	if got := ok[apps](t, c.get("/"+unsubscribed+"/subscribed_apps", nil)); len(got.Data) != 1 {
		t.Fatalf("after subscribing: %+v", got.Data)
	}
	failed(t, c.form(http.MethodPost, "/"+unsubscribed+"/subscribed_apps", "override_callback_uri="+strings.Repeat("a", 201)), http.StatusBadRequest, 100)
	c.s.RemoveScope("whatsapp_business_management")
	e := failed(t, c.get("/"+wabaID(0)+"/subscribed_apps", nil), http.StatusForbidden, 200)
	if !strings.Contains(e.Message, "whatsapp_business_management") {
		t.Fatalf("refusal %q does not name the permission", e.Message)
	}
}

type shareAnswer struct {
	AllocationConfigID string `json:"allocation_config_id"`
	WABAID             string `json:"waba_id"`
}

type fundingAnswer struct {
	ID               string `json:"id"`
	PrimaryFundingID string `json:"primary_funding_id"`
}

type allocationAnswer struct {
	ID                  string `json:"id"`
	ReceivingCredential struct {
		ID string `json:"id"`
	} `json:"receiving_credential"`
	RequestStatus string `json:"request_status"`
}

func TestCreditShareVerifyAndRevoke(t *testing.T) {
	c := newTClient(t, Options{WABAs: 12})
	lines := ok[struct {
		Data []struct{ ID, LegalEntityName string } `json:"data"`
	}](t, c.get("/"+DemoBusinessID+"/extendedcredits", nil))
	if len(lines.Data) != 1 || lines.Data[0].ID != DemoCreditLineID {
		t.Fatalf("credit lines = %+v", lines.Data)
	}
	share := "/" + DemoCreditLineID + "/whatsapp_credit_sharing_and_attach"
	fresh := wabaID(1) // seeded with no share
	if f := ok[fundingAnswer](t, c.get("/"+fresh, q("fields", "primary_funding_id"))); f.PrimaryFundingID != "" || f.ID != fresh {
		t.Fatalf("unshared WABA's funding = %+v", f)
	}
	failed(t, c.form(http.MethodPost, share, "waba_id="+fresh+"&waba_currency=CHF"), http.StatusBadRequest, 100)
	got := ok[shareAnswer](t, c.form(http.MethodPost, share, "waba_id="+fresh+"&waba_currency=EUR"))
	if got.WABAID != fresh || got.AllocationConfigID == "" {
		t.Fatalf("share answered %+v", got)
	}
	alloc := ok[allocationAnswer](t, c.get("/"+got.AllocationConfigID, q("fields", "receiving_credential")))
	funding := ok[fundingAnswer](t, c.get("/"+fresh, q("fields", "primary_funding_id")))
	if alloc.ReceivingCredential.ID == "" || alloc.ReceivingCredential.ID != funding.PrimaryFundingID {
		t.Fatalf("share not verifiable: credential %q, funding %q", alloc.ReceivingCredential.ID, funding.PrimaryFundingID)
	}
	e := failed(t, c.form(http.MethodPost, share, "waba_id="+fresh+"&waba_currency=USD"), http.StatusBadRequest, 100)
	if !strings.Contains(e.Message, "already has a credit line attached") {
		t.Fatalf("second share refused with %q", e.Message)
	}
	list := ok[struct {
		Data []allocationAnswer `json:"data"`
	}](t, c.get("/"+DemoCreditLineID+"/owning_credit_allocation_configs", nil))
	found := false
	for _, a := range list.Data {
		found = found || a.ID == got.AllocationConfigID
	}
	if !found {
		t.Fatalf("the new share %s is not among %+v", got.AllocationConfigID, list.Data)
	}
	ok[map[string]any](t, c.form(http.MethodDelete, "/"+got.AllocationConfigID, ""))
	if a := ok[allocationAnswer](t, c.get("/"+got.AllocationConfigID, q("fields", "request_status"))); a.RequestStatus != "DELETED" {
		t.Fatalf("after revoke: %+v", a)
	}
	failed(t, c.form(http.MethodDelete, "/"+got.AllocationConfigID, ""), http.StatusBadRequest, 100)
}

func TestSeededCreditStates(t *testing.T) {
	c := newTClient(t, Options{WABAs: 12})
	verified := ok[allocationAnswer](t, c.get("/"+strconv.Itoa(allocationIDBase), q("fields", "receiving_credential")))
	if f := ok[fundingAnswer](t, c.get("/"+wabaID(0), q("fields", "primary_funding_id"))); f.PrimaryFundingID != verified.ReceivingCredential.ID {
		t.Fatalf("WABA 0 should be shared and verified: funding %q, credential %q", f.PrimaryFundingID, verified.ReceivingCredential.ID)
	}
	unverified := ok[allocationAnswer](t, c.get("/"+strconv.Itoa(allocationIDBase+2), q("fields", "receiving_credential")))
	if f := ok[fundingAnswer](t, c.get("/"+wabaID(2), q("fields", "primary_funding_id"))); f.PrimaryFundingID == "" || f.PrimaryFundingID == unverified.ReceivingCredential.ID {
		t.Fatalf("WABA 2 should be shared but billed elsewhere: funding %q, credential %q", f.PrimaryFundingID, unverified.ReceivingCredential.ID)
	}
}

func TestCreditLinesNeedBusinessManagement(t *testing.T) {
	c := newTClient(t, Options{WABAs: 4})
	c.s.RemoveScope("business_management")
	for _, r := range []reply{
		c.get("/"+DemoBusinessID+"/extendedcredits", nil),
		c.form(http.MethodPost, "/"+DemoCreditLineID+"/whatsapp_credit_sharing_and_attach", "waba_id="+wabaID(1)+"&waba_currency=USD"),
		c.get("/"+DemoCreditLineID+"/owning_credit_allocation_configs", nil),
	} {
		if e := failed(t, r, http.StatusForbidden, 200); !strings.Contains(e.Message, "business_management") {
			t.Fatalf("refusal %q does not name business_management", e.Message)
		}
	}
	info := ok[struct {
		Data struct{ Scopes []string } `json:"data"`
	}](t, c.form(http.MethodPost, "/debug_token", "method=GET&input_token="+c.token))
	for _, s := range info.Data.Scopes {
		if s == "business_management" {
			t.Fatalf("debug_token still lists business_management: %v", info.Data.Scopes)
		}
	}
}

func TestControlRemovesAScope(t *testing.T) {
	c := newTClient(t, Options{WABAs: 4})
	resp, err := c.hc.Post(c.srv.URL+"/_sandbox/scopes", "application/json", strings.NewReader(`{"remove":"business_management"}`))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("control: %v %v", resp, err)
	}
	resp.Body.Close()
	failed(t, c.get("/"+DemoBusinessID+"/extendedcredits", nil), http.StatusForbidden, 200)
}

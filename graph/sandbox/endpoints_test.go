package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"mps/graph"
)

// keysOf lists an object's keys in the order they came.
func keysOf(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func solutionNamed(t *testing.T, s *Sandbox, name string) graph.Solution {
	t.Helper()
	for _, sol := range s.Solutions() {
		if sol.Name == name {
			return sol
		}
	}
	t.Fatalf("no solution named %q", name)
	return graph.Solution{}
}

func TestAppSolutionsDefaultFields(t *testing.T) {
	c := newTClient(t, Options{})
	page := ok[graph.Page[json.RawMessage]](t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", nil))
	if len(page.Data) != len(c.s.Solutions()) {
		t.Fatalf("listed %d solutions, sandbox has %d visible", len(page.Data), len(c.s.Solutions()))
	}
	for _, item := range page.Data {
		if got := keysOf(t, item); !slices.Equal(got, []string{"name", "status", "status_for_pending_request", "id"}) {
			t.Fatalf("default fields %v, want name,status,status_for_pending_request,id", got)
		}
	}
	if page.HasNext() {
		t.Fatalf("the only page has next: %+v", page.Paging)
	}
}

func TestAppSolutionsRoleFilter(t *testing.T) {
	c := newTClient(t, Options{})
	byRole := map[string][]string{}
	for _, role := range []string{"OWNER", "PARTNER"} {
		page := ok[graph.Page[graph.Solution]](t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("role", role, "fields", graph.SolutionFields)))
		for _, sol := range page.Data {
			got := graph.RoleOf(&sol, DemoAppID)
			if got.String() != strings.ToLower(role) {
				t.Errorf("role=%s listed %q where we are %s", role, sol.Name, got)
			}
			byRole[role] = append(byRole[role], sol.ID)
		}
	}
	if len(byRole["OWNER"]) == 0 || len(byRole["PARTNER"]) == 0 {
		t.Fatalf("a role lists nothing: %v", byRole)
	}
	if len(byRole["OWNER"])+len(byRole["PARTNER"]) != len(c.s.Solutions()) {
		t.Fatalf("owner+partner = %d, all = %d", len(byRole["OWNER"])+len(byRole["PARTNER"]), len(c.s.Solutions()))
	}
	failed(t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("role", "ADMIN")), 400, 100)
}

// The list brings every solution's details in the same paged request.
func TestAppSolutionsExpandedMatchState(t *testing.T) {
	c := newTClient(t, Options{})
	page := ok[graph.Page[graph.Solution]](t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("fields", graph.SolutionFields)))
	for _, got := range page.Data {
		want, found := c.s.Solution(got.ID)
		if !found {
			t.Fatalf("listed unknown solution %s", got.ID)
		}
		if got.Name != want.Name || got.Status != want.Status || got.PendingRequest != want.PendingRequest ||
			*got.OwnerApp != *want.OwnerApp || !slices.Equal(got.OwnerPermissions, want.OwnerPermissions) ||
			len(got.Partners) != len(want.Partners) || *got.Partners[0].PartnerApp != *want.Partners[0].PartnerApp ||
			got.Partners[0].Status != want.Partners[0].Status || got.Partners[0].ID != want.Partners[0].ID ||
			!slices.Equal(got.Partners[0].PartnerPermissions, want.Partners[0].PartnerPermissions) {
			t.Errorf("listed %+v\nstate   %+v", got, want)
		}
	}
}

// The guide's "before accepting" request comes back in the guide's shape.
func TestSolutionGuideShape(t *testing.T) {
	c := newTClient(t, Options{})
	sol := solutionNamed(t, c.s, "Social OVD with Northwind")
	r := c.get("/"+sol.ID, q("fields", "name,owner_permissions,partners{partner_permissions,partner_app}"))
	top := ok[map[string]json.RawMessage](t, r)
	if got := keysOf(t, r.body); !slices.Equal(got, []string{"name", "owner_permissions", "partners", "id"}) {
		t.Fatalf("keys %v", got)
	}
	var edge struct {
		Data   []json.RawMessage `json:"data"`
		Paging *graph.Paging     `json:"paging"`
	}
	if err := json.Unmarshal(top["partners"], &edge); err != nil || len(edge.Data) != 1 || edge.Paging == nil {
		t.Fatalf("partners edge %s (%v)", top["partners"], err)
	}
	if got := keysOf(t, edge.Data[0]); !slices.Equal(got, []string{"partner_permissions", "partner_app", "id"}) {
		t.Fatalf("row keys %v", got)
	}
	var row struct {
		PartnerApp json.RawMessage `json:"partner_app"`
	}
	json.Unmarshal(edge.Data[0], &row)
	if got := keysOf(t, row.PartnerApp); !slices.Equal(got, []string{"link", "name", "id"}) {
		t.Fatalf("partner_app keys %v", got)
	}
	decoded := ok[graph.Solution](t, r)
	if graph.RoleOf(&graph.Solution{OwnerApp: &graph.App{ID: "x"}, Partners: decoded.Partners}, DemoAppID) != graph.RolePartner {
		t.Fatalf("we are not the partner app of %+v", decoded)
	}
}

func TestSolutionNestedSubfieldsAndLimit(t *testing.T) {
	c := newTClient(t, Options{})
	partners := demoPartnerApps()
	id := c.s.AddSolution(SolutionSpec{Name: "three partners", ExtraPartnerAppIDs: []string{partners[1].ID, partners[2].ID}})
	r := c.get("/"+id, q("fields", "name,partners.limit(2){partner_app{name},status}"))
	type edge struct {
		Data   []json.RawMessage `json:"data"`
		Paging graph.Paging      `json:"paging"`
	}
	got := ok[struct {
		Partners edge `json:"partners"`
	}](t, r)
	if len(got.Partners.Data) != 2 {
		t.Fatalf("limit(2) gave %d rows", len(got.Partners.Data))
	}
	if got.Partners.Paging.Next == "" || !strings.Contains(got.Partners.Paging.Next, "/"+id+"/partners?") {
		t.Fatalf("nested edge next = %q, want the partners edge", got.Partners.Paging.Next)
	}
	if keys := keysOf(t, got.Partners.Data[0]); !slices.Equal(keys, []string{"partner_app", "status", "id"}) {
		t.Fatalf("row keys %v", keys)
	}
	var row struct {
		PartnerApp json.RawMessage `json:"partner_app"`
	}
	json.Unmarshal(got.Partners.Data[0], &row)
	if keys := keysOf(t, row.PartnerApp); !slices.Equal(keys, []string{"name", "id"}) {
		t.Fatalf("partner_app{name} gave keys %v", keys)
	}
	for _, bad := range []string{"name{id}", "owner_app.limit(2)", "partners{nope}", "nope", "name,partners{"} {
		e := failed(t, c.get("/"+id, q("fields", bad)), 400, 100)
		if bad == "nope" && !strings.Contains(e.Message, "nonexisting field (nope)") {
			t.Errorf("unknown field message %q", e.Message)
		}
	}
}

func TestPartnersEdge(t *testing.T) {
	c := newTClient(t, Options{})
	sol := solutionNamed(t, c.s, "Northwind with Lucky Shrub")
	r := c.get("/"+sol.ID+"/partners", nil)
	page := ok[graph.Page[json.RawMessage]](t, r)
	if len(page.Data) != 1 || page.HasNext() {
		t.Fatalf("partners page %s", r.body)
	}
	if keys := keysOf(t, page.Data[0]); !slices.Equal(keys, []string{"partner_app", "status", "id"}) {
		t.Fatalf("default row keys %v", keys)
	}
	rows := ok[graph.Page[graph.PartnerRow]](t, c.get("/"+sol.ID+"/partners", q("fields", "id,partner_app{id,name,link},partner_permissions,status")))
	if rows.Data[0].PartnerApp.Name != "Lucky Shrub" || rows.Data[0].Status != graph.PartnerStatusAccepted ||
		!slices.Equal(rows.Data[0].PartnerPermissions, sol.Partners[0].PartnerPermissions) {
		t.Fatalf("row %+v, want %+v", rows.Data[0], sol.Partners[0])
	}
}

func TestWABASolutions(t *testing.T) {
	c := newTClient(t, Options{})
	for _, w := range c.s.WABAs()[:40] {
		want, _ := c.s.WABASolutionIDs(w.ID)
		page := ok[graph.Page[graph.Solution]](t, c.get("/"+w.ID+"/solutions", nil))
		var got []string
		for _, sol := range page.Data {
			got = append(got, sol.ID)
			if sol.Status == "" || sol.Name == "" {
				t.Fatalf("solution item lacks default fields: %+v", sol)
			}
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Fatalf("WABA %s solutions %v, want %v", w.ID, got, want)
		}
	}
}

func TestClientWABAs(t *testing.T) {
	c := newTClient(t, Options{})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	r := c.get(path, q("limit", "3"))
	page := ok[graph.Page[json.RawMessage]](t, r)
	if keys := keysOf(t, page.Data[0]); !slices.Equal(keys, []string{"id", "name", "timezone_id", "business_type", "message_template_namespace"}) {
		t.Fatalf("default WABA keys %v", keys)
	}
	first := ok[graph.Page[graph.WABA]](t, r).Data[0]
	if first.ID != "102290129340398" || first.Name != "Cool New Customer 2" || first.MessageTemplateNamespace != "0add05f3_abbe_4a55_b6f5_e751fa4e1244" {
		t.Fatalf("first WABA is not the guide's example: %+v", first)
	}

	ids := DemoPartnerBusinessIDs()
	for _, filter := range [][]string{{ids[0]}, {ids[1]}, {ids[0], ids[3]}} {
		want := c.s.WABAs(filter...)
		got := allWABAs(t, c, path, filterJSON(filter))
		if len(want) == 0 || !slices.Equal(got, wabaIDs(want)) {
			t.Errorf("filter %v: listed %d WABAs, want %d", filter, len(got), len(want))
		}
	}
	none := ok[graph.Page[graph.WABA]](t, c.get(path, q("filtering", filterJSON([]string{"999"}))))
	if len(none.Data) != 0 || none.Paging != nil {
		t.Errorf("unknown partner business lists %+v", none)
	}
	for _, bad := range []string{"{", `[{"field":"owner","operator":"ALL","value":["1"]}]`, `[{"field":"partners","operator":"ANY","value":["1"]}]`, `[{"field":"partners","operator":"ALL","value":"1"}]`} {
		failed(t, c.get(path, q("filtering", bad)), 400, 100)
	}
}

func filterJSON(ids []string) string {
	b, _ := json.Marshal([]map[string]any{{"field": "partners", "operator": "ALL", "value": ids}})
	return string(b)
}

func wabaIDs(ws []graph.WABA) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.ID
	}
	return out
}

// allWABAs pages through a WABA list with after cursors, at the maximum size.
func allWABAs(t *testing.T, c *tclient, path, filtering string) []string {
	t.Helper()
	var ids []string
	after := ""
	for pages := 0; ; pages++ {
		query := q("limit", "100")
		if filtering != "" {
			query.Set("filtering", filtering)
		}
		if after != "" {
			query.Set("after", after)
		}
		page := ok[graph.Page[graph.WABA]](t, c.get(path, query))
		ids = append(ids, wabaIDs(page.Data)...)
		if !page.HasNext() {
			return ids
		}
		if pages > 10000 {
			t.Fatal("paging does not end")
		}
		after = page.Paging.Cursors.After
	}
}

func TestMe(t *testing.T) {
	c := newTClient(t, Options{})
	me := ok[graph.Me](t, c.get("/me", nil))
	if me.ID == "" || !strings.Contains(me.Name, "Northwind") {
		t.Fatalf("me = %+v", me)
	}
}

func TestDebugToken(t *testing.T) {
	c := newTClient(t, Options{})
	type tokenReply struct {
		Data graph.TokenInfo `json:"data"`
	}
	resp := ok[tokenReply](t, c.get("/debug_token", q("input_token", c.token)))
	if !resp.Data.IsValid || resp.Data.AppID != DemoAppID || resp.Data.Type != "SYSTEM_USER" || !slices.Contains(resp.Data.Scopes, "whatsapp_business_management") || len(resp.Data.Granular) == 0 {
		t.Fatalf("debug_token data %+v", resp.Data)
	}

	// The POST form keeps the token out of the URL.
	r, err := c.do(http.MethodPost, testVersion+"/debug_token", nil, "method=GET&input_token="+c.token)
	if err != nil {
		t.Fatal(err)
	}
	posted := ok[tokenReply](t, r)
	if !posted.Data.IsValid || posted.Data.AppID != DemoAppID {
		t.Fatalf("POST debug_token %+v", posted.Data)
	}

	bad := ok[tokenReply](t, c.get("/debug_token", q("input_token", "EAAnotit")))
	if bad.Data.IsValid {
		t.Fatal("a foreign input_token is valid")
	}
	failed(t, c.get("/debug_token", nil), 400, 100)
}

func TestUnknownObjectsAndPaths(t *testing.T) {
	c := newTClient(t, Options{})
	for _, path := range []string{"/999", "/abc", "/12ab/partners", "/1234567/solutions"} {
		e := failed(t, c.get(path, nil), 400, 100)
		if e.Subcode != 33 || !strings.Contains(e.Message, "does not exist, cannot be loaded due to missing permissions") {
			t.Errorf("%s: %+v", path, e)
		}
	}
	// A draft is not shown to the partner it was not sent to yet.
	hidden := c.s.AddSolution(SolutionSpec{Name: "their draft", OwnerAppID: demoPartnerApps()[0].ID, Status: graph.StatusDraft})
	if e := failed(t, c.get("/"+hidden, nil), 400, 100); e.Subcode != 33 {
		t.Errorf("another app's draft is visible: %+v", e)
	}
	sol := solutionNamed(t, c.s, "Social Brew retail")
	failed(t, c.get("/"+sol.ID+"/nope", nil), 400, 100)
	failed(t, c.get("/"+sol.ID+"/partners/more", nil), 400, 2500)
	failed(t, c.get("/"+demoPartnerApps()[0].ID+"/whatsapp_business_solutions", nil), 403, 200)
	r, err := c.do(http.MethodGet, "/me", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if e := failed(t, r, 400, 100); !strings.Contains(e.Message, "version") {
		t.Errorf("no version: %q", e.Message)
	}
	r, _ = c.do(http.MethodDelete, testVersion+"/"+sol.ID, nil, "")
	failed(t, r, 400, 100)
}

func TestAuth(t *testing.T) {
	c := newTClient(t, Options{})
	c.token = ""
	failed(t, c.get("/me", nil), 400, 190)
	c.token = "EAAwrong"
	failed(t, c.get("/me", nil), 400, 190)
	c.token = ""
	// Graph also takes access_token as a parameter; the log shows it.
	ok[graph.Me](t, c.get("/me", q("access_token", DemoToken)))
	reqs := c.s.Requests()
	if !strings.Contains(reqs[len(reqs)-1].RawQuery, "access_token=") {
		t.Fatalf("log lost the query token: %+v", reqs[len(reqs)-1])
	}
}

func TestAppSecretProof(t *testing.T) {
	c := newTClient(t, Options{AppSecret: "s3cret"})
	failed(t, c.get("/me", nil), 400, 100)
	failed(t, c.get("/me", q("appsecret_proof", "00ff")), 400, 100)
	mac := hmac.New(sha256.New, []byte("s3cret"))
	mac.Write([]byte(DemoToken))
	ok[graph.Me](t, c.get("/me", q("appsecret_proof", hex.EncodeToString(mac.Sum(nil)))))

	plain := newTClient(t, Options{})
	ok[graph.Me](t, plain.get("/me", q("appsecret_proof", "anything")))
}

func TestUsageHeaders(t *testing.T) {
	c := newTClient(t, Options{UsageBudget: 400})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	for n := 1; n <= 12; n++ {
		h := c.get(path, nil).header
		app, buc := h.Get("X-App-Usage"), h.Get("X-Business-Use-Case-Usage")
		if n < 4 {
			if app != "" {
				t.Fatalf("call %d of 400 already reports usage %q", n, app)
			}
			continue
		}
		var usage graph.AppUsage
		if err := json.Unmarshal([]byte(app), &usage); err != nil || usage.CallCount != n*100/400 {
			t.Fatalf("call %d: X-App-Usage %q (%v)", n, app, err)
		}
		if n < 10 {
			continue
		}
		var byObject map[string][]graph.BUCUsage
		if err := json.Unmarshal([]byte(buc), &byObject); err != nil || len(byObject[DemoBusinessID]) != 1 ||
			byObject[DemoBusinessID][0].CallCount != n*100/200 || byObject[DemoBusinessID][0].Type != "whatsapp_business_management" {
			t.Fatalf("call %d: X-Business-Use-Case-Usage %q (%v)", n, buc, err)
		}
	}
}

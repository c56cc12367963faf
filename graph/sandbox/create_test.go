package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/webhook"
)

const luckyShrubApp = "21202248997039" // a demo partner app

// createForm is a create's form body; drop names the fields left out.
func createForm(name, partner, owner, partnerPerms string, drop ...string) string {
	v := url.Values{"solution_name": {name}, "partner_app_id": {partner},
		"owner_permissions": {owner}, "partner_permissions": {partnerPerms}}
	for _, d := range drop {
		v.Del(d)
	}
	return v.Encode()
}

func (c *tclient) create(appID, body string) reply {
	c.t.Helper()
	r, err := c.do(http.MethodPost, testVersion+"/"+appID+"/whatsapp_business_solution", nil, body)
	if err != nil {
		c.t.Fatalf("create: %v", err)
	}
	return r
}

// Every refusal is Graph's error in Graph's shape, and creates nothing.
func TestCreateRefusals(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	h := recordHooks(c.s)
	before := len(c.s.Solutions())
	msg, none := `["MESSAGING"]`, `[]`
	cases := []struct {
		name, app, body string
		status, code    int
		subcode         int
		message         string
	}{
		{"no name", DemoAppID, createForm("", luckyShrubApp, msg, none, "solution_name"), 400, 100, 0, "The parameter solution_name is required"},
		{"no partner", DemoAppID, createForm("Ok name", "", msg, none, "partner_app_id"), 400, 100, 0, "The parameter partner_app_id is required"},
		{"no owner permissions", DemoAppID, createForm("Ok name", luckyShrubApp, msg, none, "owner_permissions"), 400, 100, 0, "The parameter owner_permissions is required"},
		{"no partner permissions", DemoAppID, createForm("Ok name", luckyShrubApp, msg, none, "partner_permissions"), 400, 100, 0, "The parameter partner_permissions is required"},
		{"name too short", DemoAppID, createForm(" x ", luckyShrubApp, msg, none), 400, 100, 0, "solution_name must be between 2 and 75"},
		{"name too long", DemoAppID, createForm(strings.Repeat("é", 76), luckyShrubApp, msg, none), 400, 100, 0, "solution_name must be between 2 and 75"},
		{"partner not an ID", DemoAppID, createForm("Ok name", "lucky", msg, none), 400, 100, 0, "partner_app_id must be a valid app ID"},
		{"our own app as partner", DemoAppID, createForm("Ok name", DemoAppID, msg, none), 400, 100, 0, "cannot be the app that owns"},
		{"unknown partner app", DemoAppID, createForm("Ok name", "999000111222", msg, none), 400, 100, 33, "'999000111222' does not exist"},
		{"MESSAGING on neither side", DemoAppID, createForm("Ok name", luckyShrubApp, none, none), 400, 100, 0, "Invalid Permissions for either of the partners"},
		{"MESSAGING on both sides", DemoAppID, createForm("Ok name", luckyShrubApp, msg, msg), 400, 100, 0, "Invalid Permissions for either of the partners"},
		{"another permission", DemoAppID, createForm("Ok name", luckyShrubApp, `["MESSAGING","MANAGE_BILLING"]`, none), 400, 100, 0, "Invalid Permissions for either of the partners"},
		{"permissions not an array", DemoAppID, createForm("Ok name", luckyShrubApp, "MESSAGING", none), 400, 100, 0, "owner_permissions must be an array"},
		{"another app's edge", luckyShrubApp, createForm("Ok name", "637576208107267", msg, none), 403, 200, 0, "is not ours"},
		{"no such app", "999000111222", createForm("Ok name", luckyShrubApp, msg, none), 400, 100, 33, "does not exist"},
	}
	for _, tc := range cases {
		e := failed(t, c.create(tc.app, tc.body), tc.status, tc.code)
		if e.Subcode != tc.subcode || !strings.Contains(e.Message, tc.message) {
			t.Errorf("%s: %d/%d %q, want subcode %d and %q", tc.name, e.Code, e.Subcode, e.Message, tc.subcode, tc.message)
		}
	}
	if n := len(c.s.Solutions()); n != before {
		t.Errorf("refused creates made %d solutions", n-before)
	}
	if len(h.parsed(t)) != 0 {
		t.Errorf("refused creates sent webhooks: %d", len(h.parsed(t)))
	}
}

// A create makes an INITIATED solution that we own, as Graph would grant
// it, visible everywhere a solution is, with SOLUTION_CREATED sent.
func TestCreateSuccess(t *testing.T) {
	for _, side := range []string{"owner", "partner"} {
		t.Run(side, func(t *testing.T) {
			c := newTClient(t, Options{WABAs: -1})
			h := recordHooks(c.s)
			owner, partner := `["MESSAGING"]`, `[]`
			if side == "partner" {
				owner, partner = partner, owner
			}
			got := ok[struct {
				SolutionID string `json:"solution_id"`
			}](t, c.create(DemoAppID, createForm("  Northwind × Lucky Shrub ✓ ", luckyShrubApp, owner, partner)))
			sol, found := c.s.Solution(got.SolutionID)
			if !found || sol.Name != "Northwind × Lucky Shrub ✓" || sol.Status != graph.StatusInitiated ||
				sol.PendingRequest != graph.PendingActivation || sol.OwnerApp.ID != DemoAppID {
				t.Fatalf("created %+v (found %v)", sol, found)
			}
			if len(sol.Partners) != 1 || sol.Partners[0].PartnerApp.ID != luckyShrubApp || sol.Partners[0].Status != graph.PartnerStatusNotificationSent {
				t.Fatalf("partner rows %+v", sol.Partners)
			}
			if graph.MessagingSide(&sol) != side {
				t.Errorf("MESSAGING is on the %q side, want %s", graph.MessagingSide(&sol), side)
			}
			for _, perms := range [][]string{sol.OwnerPermissions, sol.Partners[0].PartnerPermissions} {
				if !slices.Contains(perms, "MANAGE") || !slices.Contains(perms, "VIEW_INSIGHTS") {
					t.Errorf("permissions %v lack the base set", perms)
				}
			}
			byID := ok[graph.Solution](t, c.get("/"+got.SolutionID, q("fields", graph.SolutionFields)))
			if byID.State() != graph.StatePending || graph.RoleOf(&byID, DemoAppID) != graph.RoleOwner {
				t.Errorf("GET /{id} = %+v", byID)
			}
			listed := func(role string) bool {
				page := ok[graph.Page[graph.Solution]](t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("role", role, "limit", "100")))
				return slices.ContainsFunc(page.Data, func(s graph.Solution) bool { return s.ID == got.SolutionID })
			}
			if !listed("") || !listed("OWNER") || listed("PARTNER") {
				t.Errorf("listed %v, as owner %v, as partner %v; want in the list as owner only", listed(""), listed("OWNER"), listed("PARTNER"))
			}
			hooks := h.parsed(t)
			if len(hooks) != 1 {
				t.Fatalf("%d webhooks, want 1", len(hooks))
			}
			if v := hooks[0].Entry[0].Changes[0].Value; hooks[0].Entry[0].Changes[0].Field != webhook.FieldPartnerSolutions ||
				v.Event != webhook.EventSolutionCreated || v.SolutionID != got.SolutionID || v.SolutionStatus != graph.StatusInitiated {
				t.Errorf("webhook %+v", hooks[0])
			}
			reqs := c.s.Requests()
			if first := reqs[0]; first.Method != http.MethodPost || !strings.HasSuffix(first.Path, "/"+DemoAppID+"/whatsapp_business_solution") ||
				!strings.Contains(first.Body, "solution_name=") {
				t.Errorf("request log %+v", first)
			}
		})
	}
}

// The both-sides variant takes MESSAGING on both sides, as one of Meta's
// examples does, and still refuses neither.
func TestCreateMessagingVariant(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1, MessagingRule: MessagingBothSides})
	both := createForm("Both sides", luckyShrubApp, `["MESSAGING"]`, `["MESSAGING"]`)
	got := ok[map[string]string](t, c.create(DemoAppID, both))
	sol, _ := c.s.Solution(got["solution_id"])
	if !slices.Contains(sol.OwnerPermissions, "MESSAGING") || !slices.Contains(sol.Partners[0].PartnerPermissions, "MESSAGING") {
		t.Errorf("both sides: %+v", sol)
	}
	failed(t, c.create(DemoAppID, createForm("Neither side", luckyShrubApp, `[]`, `[]`)), 400, 100)

	if code, body := ctl(t, c, "PUT", "/messaging", `{"rule":"one-side"}`); code != 200 || !strings.Contains(string(body), `"one-side"`) {
		t.Fatalf("switch: %d %s", code, body)
	}
	failed(t, c.create(DemoAppID, both), 400, 100)
	if code, body := ctl(t, c, "GET", "/messaging", ""); code != 200 || !strings.Contains(string(body), `"one-side"`) {
		t.Errorf("get rule: %d %s", code, body)
	}
	if code, _ := ctl(t, c, "PUT", "/messaging", `{"rule":"all"}`); code != 400 {
		t.Errorf("an unknown rule was taken: %d", code)
	}
	v, err := ParseVariants("", "")
	if err != nil {
		t.Fatal(err)
	}
	v.Messaging = MessagingBothSides
	v.Apply(c.s)
	if c.s.MessagingRule() != MessagingBothSides {
		t.Errorf("Variants.Apply left the rule %v", c.s.MessagingRule())
	}
}

package sandbox

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"mps/graph"
)

var defaultSolutionKeys = []string{"name", "status", "status_for_pending_request", "id"}

// Under the switch both solution list edges answer their default fields
// whatever fields= asks, role= still filters, and the solution's own GET
// still expands.
func TestListDefaultFieldsOnly(t *testing.T) {
	c := newTClient(t, Options{ListDefaultFieldsOnly: true})
	list := "/" + DemoAppID + "/whatsapp_business_solutions"
	all := ok[graph.Page[json.RawMessage]](t, c.get(list, q("fields", graph.SolutionFields)))
	if len(all.Data) != len(c.s.Solutions()) {
		t.Fatalf("listed %d of %d solutions", len(all.Data), len(c.s.Solutions()))
	}
	for _, item := range all.Data {
		if got := keysOf(t, item); !slices.Equal(got, defaultSolutionKeys) {
			t.Fatalf("list item has %v with fields=%s; want only the defaults %v", got, graph.SolutionFields, defaultSolutionKeys)
		}
	}
	seen := 0
	for _, role := range []graph.Role{graph.RoleOwner, graph.RolePartner} {
		page := ok[graph.Page[graph.Solution]](t, c.get(list, q("role", map[graph.Role]string{graph.RoleOwner: "OWNER", graph.RolePartner: "PARTNER"}[role], "fields", graph.SolutionFields)))
		if len(page.Data) == 0 {
			t.Fatalf("role=%s lists nothing", role)
		}
		for _, got := range page.Data {
			want, _ := c.s.Solution(got.ID)
			if got.OwnerApp != nil || got.Partners != nil || got.OwnerPermissions != nil {
				t.Fatalf("role=%s item expanded: %+v", role, got)
			}
			if r := graph.RoleOf(&want, DemoAppID); r != role {
				t.Errorf("role=%s listed %q, where we are %s", role, want.Name, r)
			}
			seen++
		}
	}
	if seen != len(all.Data) {
		t.Fatalf("owner+partner lists give %d solutions, the whole list %d", seen, len(all.Data))
	}
	w := c.s.WABAs()[0]
	for _, item := range ok[graph.Page[json.RawMessage]](t, c.get("/"+w.ID+"/solutions", q("fields", graph.SolutionFields))).Data {
		if got := keysOf(t, item); !slices.Equal(got, defaultSolutionKeys) {
			t.Fatalf("WABA solutions item has %v; want the defaults", got)
		}
	}
	one := ok[graph.Solution](t, c.get("/"+c.s.Solutions()[0].ID, q("fields", graph.SolutionFields)))
	if one.OwnerApp == nil || len(one.Partners) == 0 || one.OwnerPermissions == nil {
		t.Fatalf("the solution's own GET did not expand under the switch: %+v", one)
	}
}

// Without the switch the same request expands (the switch is what differs).
func TestListExpandsWithoutTheSwitch(t *testing.T) {
	c := newTClient(t, Options{})
	page := ok[graph.Page[graph.Solution]](t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("fields", graph.SolutionFields)))
	for _, got := range page.Data {
		if got.OwnerApp == nil || len(got.Partners) == 0 {
			t.Fatalf("item not expanded without the switch: %+v", got)
		}
	}
}

func TestControlLists(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	if code, body := ctl(t, c, "GET", "/lists", ""); code != 200 || string(body) != "{\"default_fields_only\":false}\n" {
		t.Fatalf("GET /lists: %d %s", code, body)
	}
	if code, body := ctl(t, c, "POST", "/lists", `{"default_fields_only":true}`); code != 200 || !c.s.ListDefaultFieldsOnly() {
		t.Fatalf("POST /lists on: %d %s", code, body)
	}
	item := ok[graph.Page[json.RawMessage]](t, c.get("/"+DemoAppID+"/whatsapp_business_solutions", q("fields", graph.SolutionFields))).Data[0]
	if got := keysOf(t, item); !slices.Equal(got, defaultSolutionKeys) {
		t.Fatalf("after POST /lists the list still expands: %v", got)
	}
	for _, bad := range []string{`{}`, `[`, `{"default_fields_only":"yes"}`} {
		if code, _ := ctl(t, c, "POST", "/lists", bad); code != 400 {
			t.Errorf("POST /lists %s: %d, want 400", bad, code)
		}
	}
	if code, _ := ctl(t, c, "POST", "/lists", `{"default_fields_only":false}`); code != 200 || c.s.ListDefaultFieldsOnly() {
		t.Fatalf("POST /lists off: %d", code)
	}
}

// A fault with Param hits only the calls with that parameter: one of the
// solution list's role chains, not the other.
func TestFaultParam(t *testing.T) {
	c := newTClient(t, Options{WABAs: -1})
	c.s.AddFault(Fault{Kind: FaultTransient, PathContains: "/whatsapp_business_solutions", Param: "role=OWNER", Times: 1})
	list := "/" + DemoAppID + "/whatsapp_business_solutions"
	ok[graph.Page[graph.Solution]](t, c.get(list, q("role", "PARTNER")))
	failed(t, c.get(list, q("role", "OWNER")), 500, 2)
	ok[graph.Page[graph.Solution]](t, c.get(list, q("role", "OWNER")))
	code, body := ctl(t, c, "POST", "/faults", `{"kind":"transient","param":"role=PARTNER"}`)
	if code != 201 || !strings.Contains(string(body), `"param":"role=PARTNER"`) {
		t.Fatalf("POST /faults with param: %d %s", code, body)
	}
}

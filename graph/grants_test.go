package graph

import (
	"encoding/json"
	"slices"
	"testing"
)

// Each side's permissions as Graph's JSON says them: the partner side gets
// what its rows grant together, each permission once; a list that was not
// read leaves the grants unknown, which is not "none".
func TestGrants(t *testing.T) {
	guide := readGuide(t, "solution_before_accepting.json")
	cases := []struct {
		name           string
		body           string
		known          bool
		owner, partner []string
		table          []GrantRow
	}{
		{name: "the guide's example: ten each, the same ten", body: guide, known: true,
			owner:   []string{"MANAGE", "DEVELOP", "MANAGE_TEMPLATES", "MANAGE_PHONE", "VIEW_COST", "MANAGE_EXTENSIONS", "VIEW_PHONE_ASSETS", "MANAGE_PHONE_ASSETS", "VIEW_TEMPLATES", "VIEW_INSIGHTS"},
			partner: []string{"MANAGE", "DEVELOP", "MANAGE_TEMPLATES", "MANAGE_PHONE", "VIEW_COST", "MANAGE_EXTENSIONS", "VIEW_PHONE_ASSETS", "MANAGE_PHONE_ASSETS", "VIEW_TEMPLATES", "VIEW_INSIGHTS"}},
		{name: "two partner rows, MESSAGING and one more each", known: true,
			body:    `{"owner_permissions":["VIEW_TEMPLATES"],"partners":{"data":[{"id":"2","partner_permissions":["MESSAGING","VIEW_COST"]},{"id":"3","partner_permissions":["MESSAGING","MANAGE_BILLING"]}]}}`,
			owner:   []string{"VIEW_TEMPLATES"},
			partner: []string{"MESSAGING", "VIEW_COST", "MANAGE_BILLING"},
			table:   []GrantRow{{"VIEW_TEMPLATES", true, false}, {"MESSAGING", false, true}, {"VIEW_COST", false, true}, {"MANAGE_BILLING", false, true}}},
		{name: "two partner rows granting the same two", known: true,
			body:    `{"owner_permissions":["VIEW_COST"],"partners":[{"id":"2","partner_permissions":["MESSAGING","VIEW_COST"]},{"id":"3","partner_permissions":["MESSAGING","VIEW_COST"]}]}`,
			owner:   []string{"VIEW_COST"},
			partner: []string{"MESSAGING", "VIEW_COST"},
			table:   []GrantRow{{"VIEW_COST", true, true}, {"MESSAGING", false, true}}},
		{name: "a list that names a permission twice", known: true,
			body:    `{"owner_permissions":["MANAGE","MESSAGING","MANAGE"],"partners":[{"id":"2","partner_permissions":["DEVELOP","DEVELOP"]}]}`,
			owner:   []string{"MANAGE", "MESSAGING"},
			partner: []string{"DEVELOP"},
			table:   []GrantRow{{"MANAGE", true, false}, {"MESSAGING", true, false}, {"DEVELOP", false, true}}},
		{name: "permissions nobody listed are kept as sent", known: true,
			body:    `{"owner_permissions":["MESSAGING","MANAGE_FLOWS_BETA"],"partners":[{"id":"2","partner_permissions":["MANAGE_FLOWS_BETA"]}]}`,
			owner:   []string{"MESSAGING", "MANAGE_FLOWS_BETA"},
			partner: []string{"MANAGE_FLOWS_BETA"},
			table:   []GrantRow{{"MESSAGING", true, false}, {"MANAGE_FLOWS_BETA", true, true}}},
		{name: "empty lists, as read, are none", known: true,
			body:  `{"owner_permissions":[],"partners":{"data":[{"id":"2","partner_permissions":[]}]}}`,
			owner: []string{}, partner: []string{}},
		{name: "no partner rows, as read", known: true,
			body:  `{"owner_permissions":["MESSAGING"],"partners":{"data":[]}}`,
			owner: []string{"MESSAGING"}, partner: []string{},
			table: []GrantRow{{"MESSAGING", true, false}}},
		{name: "a list that answered only its default fields",
			body: `{"id":"1","name":"x","status":"INITIATED","status_for_pending_request":"PENDING_ACTIVATION"}`},
		{name: "the guide's partners without partner_permissions", body: readGuide(t, "solution_name_status_partners.json")},
		{name: "one row without its permissions",
			body:  `{"owner_permissions":["MANAGE"],"partners":[{"id":"2","partner_permissions":["MESSAGING"]},{"id":"3"}]}`,
			owner: []string{"MANAGE"}},
		{name: "the partners without the owner's",
			body:    `{"partners":[{"id":"2","partner_permissions":["MESSAGING"]}]}`,
			partner: []string{"MESSAGING"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s Solution
			if err := json.Unmarshal([]byte(c.body), &s); err != nil {
				t.Fatal(err)
			}
			g := s.Grants()
			if g.Known != c.known || !slices.Equal(g.Owner, c.owner) || !slices.Equal(g.Partner, c.partner) {
				t.Fatalf("Grants() = %+v, want known %v, owner %v, partner %v", g, c.known, c.owner, c.partner)
			}
			if partner, ok := s.PartnerPermissions(); !slices.Equal(partner, g.Partner) || ok != (g.Partner != nil) {
				t.Errorf("PartnerPermissions() = %v, %v; Grants().Partner = %v", partner, ok, g.Partner)
			}
			want := c.table
			if want == nil && c.known {
				for _, p := range c.owner {
					want = append(want, GrantRow{Name: p, Owner: true, Partner: slices.Contains(c.partner, p)})
				}
			}
			if got := g.Table(); c.known && !slices.Equal(got, want) {
				t.Errorf("Table() = %v, want %v", got, want)
			}
			for _, role := range []Role{RoleOwner, RolePartner, RoleUnknown, RoleNone} {
				us, them, ok := g.Sides(role)
				if ok != (c.known && role.Known()) {
					t.Errorf("Sides(%v) ok = %v", role, ok)
					continue
				}
				wantUs, wantThem := c.owner, c.partner
				if role == RolePartner {
					wantUs, wantThem = c.partner, c.owner
				}
				if ok && (!slices.Equal(us, wantUs) || !slices.Equal(them, wantThem)) {
					t.Errorf("Sides(%v) = %v, %v; want %v, %v", role, us, them, wantUs, wantThem)
				}
			}
		})
	}
}

func TestGrantRowOneSided(t *testing.T) {
	for _, c := range []struct {
		row  GrantRow
		want bool
	}{{GrantRow{"A", true, true}, false}, {GrantRow{"A", true, false}, true}, {GrantRow{"A", false, true}, true}} {
		if got := c.row.OneSided(); got != c.want {
			t.Errorf("%+v.OneSided() = %v", c.row, got)
		}
	}
}

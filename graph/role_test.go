package graph

import "testing"

func TestParseRole(t *testing.T) {
	WantParses(t, "ParseRole", ParseRole, map[string]Role{"owner": RoleOwner, "OWNER": RoleOwner, "Partner": RolePartner},
		"", "unknown", "owners", "tech provider")
}

func TestRoleOf(t *testing.T) {
	const us, them, other = "111", "222", "333"
	withPartner := func(owner string, partners ...string) *Solution {
		s := &Solution{ID: "1"}
		if owner != "" {
			s.OwnerApp = &App{ID: owner}
		}
		for _, p := range partners {
			s.Partners = append(s.Partners, PartnerRow{PartnerApp: &App{ID: p}})
		}
		return s
	}
	listedAs := func(s *Solution, r Role) *Solution { s.ListedRole = r; return s }
	cases := []struct {
		name string
		s    *Solution
		app  string
		want Role
	}{
		{"we own it", withPartner(us, them), us, RoleOwner},
		{"we are the invited partner", withPartner(them, us), us, RolePartner},
		{"we are one of several partners", withPartner(them, other, us), us, RolePartner},
		{"owner wins when on both sides", withPartner(us, us), us, RoleOwner},
		{"neither side is us", withPartner(them, other), us, RoleNone},
		{"owner is someone else, no partner rows asked", withPartner(them), us, RolePartner},
		{"only partner rows, not us", withPartner("", them), us, RoleUnknown},
		{"nothing expanded", withPartner(""), us, RoleUnknown},
		{"nothing expanded, listed as ours", listedAs(withPartner(""), RoleOwner), us, RoleOwner},
		{"nothing expanded, listed as partner", listedAs(withPartner(""), RolePartner), us, RolePartner},
		{"the expansion wins over the list", listedAs(withPartner(them, us), RoleOwner), us, RolePartner},
		{"listed, both sides named, neither us", listedAs(withPartner(them, other), RolePartner), us, RolePartner},
		{"no app ID configured", withPartner(us, them), "", RoleUnknown},
		{"nil solution", nil, us, RoleUnknown},
	}
	for _, c := range cases {
		if got := RoleOf(c.s, c.app); got != c.want {
			t.Errorf("%s: RoleOf = %v, want %v", c.name, got, c.want)
		}
	}
}

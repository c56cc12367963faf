package graph

import "slices"

// The guide: owner_permissions are what the owner's app is granted by the
// customers who onboard through the solution, and each partner row's
// partner_permissions are what that row's app is granted. The partner side
// of a solution gets what its rows grant together: a permission two rows
// both list is one permission, not two.

// Grants is what each side of a solution is granted, as read: each
// permission once, in the order Graph first listed it. Known is false when
// either side's list was not read (a list that answered only its default
// fields); the counts are then not known, which is not the same as none.
type Grants struct {
	Owner   []string
	Partner []string
	Known   bool
}

// GrantRow is one permission of a solution side by side: which sides get it.
type GrantRow struct {
	Name           string
	Owner, Partner bool
}

// OneSided reports whether only one side gets the permission.
func (r GrantRow) OneSided() bool { return r.Owner != r.Partner }

// PartnerPermissions is what the partner side is granted: every partner
// row's partner_permissions, each permission once, in row order. ok is
// false when the partners edge, or a row's partner_permissions, was not read.
func (s *Solution) PartnerPermissions() (perms []string, ok bool) {
	if s.Partners == nil {
		return nil, false
	}
	perms = []string{}
	for _, row := range s.Partners {
		if row.PartnerPermissions == nil {
			return nil, false
		}
		perms = appendOnce(perms, row.PartnerPermissions...)
	}
	return perms, true
}

// Grants is both sides' permissions, each once.
func (s *Solution) Grants() Grants {
	partner, partnerKnown := s.PartnerPermissions()
	g := Grants{Partner: partner, Known: partnerKnown && s.OwnerPermissions != nil}
	if s.OwnerPermissions != nil {
		g.Owner = appendOnce([]string{}, s.OwnerPermissions...)
	}
	return g
}

// Sides is ours and theirs, given our side: the owner's and the partner's
// permissions, or the reverse. ok is false when our side or the
// permissions are not known.
func (g Grants) Sides(ours Role) (us, them []string, ok bool) {
	switch {
	case !g.Known || !ours.Known():
		return nil, nil, false
	case ours == RoleOwner:
		return g.Owner, g.Partner, true
	}
	return g.Partner, g.Owner, true
}

// Table is every permission of the solution once, side by side: the
// owner's in their order, then those only the partner side gets.
func (g Grants) Table() []GrantRow {
	_, onlyPartner, _ := PermissionDiff(g.Owner, g.Partner)
	partner := make(map[string]bool, len(g.Partner))
	for _, p := range g.Partner {
		partner[p] = true
	}
	rows := make([]GrantRow, 0, len(g.Owner)+len(onlyPartner))
	for _, p := range g.Owner {
		rows = append(rows, GrantRow{Name: p, Owner: true, Partner: partner[p]})
	}
	for _, p := range onlyPartner {
		rows = append(rows, GrantRow{Name: p, Partner: true})
	}
	return rows
}

// appendOnce appends each of perms that list does not hold yet.
func appendOnce(list []string, perms ...string) []string {
	for _, p := range perms {
		if !slices.Contains(list, p) {
			list = append(list, p)
		}
	}
	return list
}

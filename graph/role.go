package graph

// Role is our side of a solution.
type Role int

const (
	RoleUnknown Role = iota
	RoleOwner        // our app created the solution
	RolePartner      // our app was invited to it
)

func (r Role) String() string {
	switch r {
	case RoleOwner:
		return "owner"
	case RolePartner:
		return "partner"
	}
	return "unknown"
}

// ParseRole reads "owner" or "partner" in any case.
func ParseRole(text string) (Role, bool) {
	for _, r := range [...]Role{RoleOwner, RolePartner} {
		if equalFoldLabel(r.String(), text) {
			return r, true
		}
	}
	return RoleUnknown, false
}

// RoleOf says which side of the solution ourAppID is on. The owner app wins
// when an app is somehow on both sides; without owner_app or partner rows the
// role is unknown.
func RoleOf(s *Solution, ourAppID string) Role {
	if ourAppID == "" || s == nil {
		return RoleUnknown
	}
	if s.OwnerApp != nil && s.OwnerApp.ID == ourAppID {
		return RoleOwner
	}
	for _, p := range s.Partners {
		if p.PartnerApp != nil && p.PartnerApp.ID == ourAppID {
			return RolePartner
		}
	}
	if s.OwnerApp != nil && len(s.Partners) > 0 {
		// Both sides are known and neither is us: we are not in it.
		return RoleUnknown
	}
	if s.OwnerApp != nil {
		// Owner is someone else and the partner rows were not asked for.
		return RolePartner
	}
	return RoleUnknown
}

// Counterpart is the app on the other side from ourRole: the first partner
// app for an owner, the owner app for a partner. It may be nil.
func Counterpart(s *Solution, ourRole Role) *App {
	if ourRole == RolePartner {
		return s.OwnerApp
	}
	for _, p := range s.Partners {
		if p.PartnerApp != nil {
			return p.PartnerApp
		}
	}
	return nil
}

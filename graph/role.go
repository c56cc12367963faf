package graph

// Role is our side of a solution.
type Role int

const (
	RoleUnknown Role = iota // not known yet: nothing read so far names our side
	RoleOwner               // our app created the solution
	RolePartner             // our app was invited to it
	// RoleNone: the solution names both sides and neither is our app.
	RoleNone
)

func (r Role) String() string {
	switch r {
	case RoleOwner:
		return "owner"
	case RolePartner:
		return "partner"
	case RoleNone:
		return "none"
	}
	return "unknown"
}

// ParseRole reads "owner" or "partner" in any case.
func ParseRole(text string) (Role, bool) {
	if r, ok := labelOf(text, RoleOwner, RolePartner); ok {
		return r, true
	}
	return RoleUnknown, false
}

// Known reports whether the role says which side we are on.
func (r Role) Known() bool { return r == RoleOwner || r == RolePartner }

// RoleOf says which side of the solution ourAppID is on. The owner app wins
// when an app is somehow on both sides. When the solution does not name our
// app (a list that answered only its default fields), the role-filtered list
// that returned it says our side (ListedRole). RoleNone needs both sides
// named, neither of them us, and no list saying otherwise.
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
	switch {
	case s.ListedRole.Known():
		return s.ListedRole
	case s.OwnerApp != nil && len(s.Partners) > 0:
		return RoleNone
	case s.OwnerApp != nil:
		// Owner is someone else and the partner rows were not asked for.
		return RolePartner
	}
	return RoleUnknown
}

// Counterpart is the app on the other side from ourRole: the first partner
// app for an owner, the owner app for a partner. It may be nil, also when
// the solution does not name that side (not read yet).
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

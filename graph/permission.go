package graph

// PermissionMeaning says in plain words what a permission lets the app that
// holds it do with an onboarded customer's WhatsApp assets. ok is false for
// names mps does not know; those are shown as they are.
func PermissionMeaning(name string) (meaning string, ok bool) {
	switch name {
	case "MANAGE":
		return "manage the WhatsApp Business Account", true
	case "DEVELOP":
		return "build on the account through the API", true
	case "MANAGE_TEMPLATES":
		return "create, edit and delete message templates", true
	case "VIEW_TEMPLATES":
		return "see message templates", true
	case "MANAGE_PHONE":
		return "add and configure phone numbers", true
	case "MANAGE_PHONE_ASSETS":
		return "manage phone number assets", true
	case "VIEW_PHONE_ASSETS":
		return "see phone number assets", true
	case "VIEW_COST":
		return "see messaging costs", true
	case "VIEW_INSIGHTS":
		return "see analytics and insights", true
	case "MANAGE_EXTENSIONS":
		return "manage Flows and other extensions", true
	case "RECEIVE_INCOMING_MESSAGES":
		return "receive the customer's incoming messages", true
	case "MANAGE_BILLING":
		return "manage billing and the credit line", true
	case "MANAGE_USERS":
		return "add and remove people on the account", true
	case "MESSAGING":
		return "send messages for the customer", true
	case "FULL_CONTROL":
		return "full control of the account", true
	}
	return "", false
}

// PermissionDiff splits two permission lists into what only a has, what
// only b has, and what both have, each in its first list's order.
func PermissionDiff(a, b []string) (onlyA, onlyB, both []string) {
	inB := make(map[string]bool, len(b))
	for _, p := range b {
		inB[p] = true
	}
	inA := make(map[string]bool, len(a))
	for _, p := range a {
		inA[p] = true
		if inB[p] {
			both = append(both, p)
		} else {
			onlyA = append(onlyA, p)
		}
	}
	for _, p := range b {
		if !inA[p] {
			onlyB = append(onlyB, p)
		}
	}
	return onlyA, onlyB, both
}

// MessagingSide says which side holds MESSAGING, when one does: "owner",
// "partner", or "".
func MessagingSide(s *Solution) string {
	for _, p := range s.OwnerPermissions {
		if p == "MESSAGING" {
			return "owner"
		}
	}
	for _, row := range s.Partners {
		for _, p := range row.PartnerPermissions {
			if p == "MESSAGING" {
				return "partner"
			}
		}
	}
	return ""
}

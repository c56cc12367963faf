package graph

import (
	"cmp"
	"slices"
)

// CompareIDs orders Graph object IDs as the numbers they are (a shorter
// string of digits is a smaller number), which for Graph's IDs is the
// order they were made in; anything else compares as plain text.
func CompareIDs(a, b string) int {
	if len(a) != len(b) && allDigits(a) && allDigits(b) {
		return cmp.Compare(len(a), len(b))
	}
	return cmp.Compare(a, b)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// SortSolutions puts a list in ID order. Lists read as two role chains
// side by side (AppSolutionPages) arrive in no set order; ID order is the
// same whichever chain answered first, and for Graph's IDs it is the order
// the solutions were made in.
func SortSolutions(list []Solution) {
	slices.SortStableFunc(list, func(a, b Solution) int { return CompareIDs(a.ID, b.ID) })
}

// LacksSides says whether the solution came without its apps and
// permissions (neither the owner app nor a partner row), as a list that
// answered only its default fields gives it; its own read has them.
func (s *Solution) LacksSides() bool { return s.OwnerApp == nil && s.Partners == nil }

// SideReadsAtOnce is how many solutions' own reads go at once when they
// fill in the sides a list lacked.
const SideReadsAtOnce = 4

// KeepKnown is fresh with the facts that known (an earlier copy of the same
// solution) had and fresh lacks: a list that answered only its default
// fields brings the name and state but not the sides, and a solution's own
// read brings the sides but not the list's role. So once known, our role,
// the other side's app and the permissions stay known across reloads.
// What fresh says always wins.
func KeepKnown(fresh, known Solution) Solution {
	if known.ID != fresh.ID {
		return fresh
	}
	if !fresh.ListedRole.Known() {
		fresh.ListedRole = known.ListedRole
	}
	if fresh.OwnerApp == nil {
		fresh.OwnerApp = known.OwnerApp
	}
	if fresh.OwnerPermissions == nil {
		fresh.OwnerPermissions = known.OwnerPermissions
	}
	if fresh.Partners == nil {
		fresh.Partners = known.Partners
	}
	return fresh
}

package graph

import (
	"strings"
	"testing"
)

// What a list that answered only its default fields lacks, a solution's own
// read supplies, and the reverse; what the fresh copy says wins.
func TestKeepKnown(t *testing.T) {
	read := Solution{ID: "5", Name: "old", Status: StatusInitiated, OwnerApp: &App{ID: "2"}, OwnerPermissions: []string{"MESSAGING"},
		Partners: PartnerRows{{ID: "6", PartnerApp: &App{ID: "1"}, PartnerPermissions: []string{"MANAGE"}}}}
	listed := Solution{ID: "5", Name: "new", Status: StatusActive, ListedRole: RolePartner}
	got := KeepKnown(listed, read)
	if got.Name != "new" || got.Status != StatusActive || got.OwnerApp == nil || got.OwnerApp.ID != "2" ||
		len(got.OwnerPermissions) != 1 || len(got.Partners) != 1 || got.ListedRole != RolePartner {
		t.Fatalf("list merged with a read = %+v", got)
	}
	back := KeepKnown(read, got)
	if back.ListedRole != RolePartner || back.Name != "old" {
		t.Fatalf("read merged with the list = %+v: the list's role was lost", back)
	}
	empty := Solution{ID: "5", OwnerApp: &App{ID: "3"}, OwnerPermissions: []string{}, Partners: PartnerRows{}}
	if got := KeepKnown(empty, read); got.OwnerApp.ID != "3" || got.OwnerPermissions == nil || len(got.OwnerPermissions) != 0 || len(got.Partners) != 0 {
		t.Fatalf("an empty list that Graph said is kept as said: %+v", got)
	}
	if got := KeepKnown(listed, Solution{ID: "9", OwnerApp: &App{ID: "2"}}); got.OwnerApp != nil {
		t.Fatalf("facts of another solution were taken: %+v", got)
	}
}

func TestSortSolutions(t *testing.T) {
	list := []Solution{{ID: "100"}, {ID: "99"}, {ID: "x"}, {ID: "1000"}, {ID: "101"}}
	SortSolutions(list)
	var got []string
	for _, s := range list {
		got = append(got, s.ID)
	}
	if strings.Join(got, ",") != "99,100,101,1000,x" {
		t.Fatalf("sorted = %v", got)
	}
}

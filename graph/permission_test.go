package graph

import (
	"slices"
	"testing"
)

func TestPermissionDiff(t *testing.T) {
	cases := []struct {
		a, b               []string
		onlyA, onlyB, both []string
	}{
		{nil, nil, nil, nil, nil},
		{[]string{"MANAGE", "MESSAGING"}, []string{"MANAGE"}, []string{"MESSAGING"}, nil, []string{"MANAGE"}},
		{[]string{"VIEW_COST"}, []string{"MANAGE", "VIEW_COST", "NEW_THING"}, nil, []string{"MANAGE", "NEW_THING"}, []string{"VIEW_COST"}},
		{[]string{"B", "A"}, []string{"C", "D"}, []string{"B", "A"}, []string{"C", "D"}, nil},
	}
	for _, c := range cases {
		onlyA, onlyB, both := PermissionDiff(c.a, c.b)
		if !slices.Equal(onlyA, c.onlyA) || !slices.Equal(onlyB, c.onlyB) || !slices.Equal(both, c.both) {
			t.Errorf("PermissionDiff(%v, %v) = %v %v %v, want %v %v %v", c.a, c.b, onlyA, onlyB, both, c.onlyA, c.onlyB, c.both)
		}
	}
	if _, ok := PermissionMeaning("SOMETHING_NEW"); ok {
		t.Error("an unknown permission got a meaning")
	}
	if m, ok := PermissionMeaning("MESSAGING"); !ok || m == "" {
		t.Error("MESSAGING has no meaning")
	}
}

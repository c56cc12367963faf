package table

import (
	"slices"
	"testing"
)

func TestLayoutWidths(t *testing.T) {
	tests := []struct {
		name string
		cols []Column
		body int
		want []int
	}{
		{"fixed only", []Column{{Width: 5}, {Width: 3}}, 20, []int{5, 3}},
		{"flex shares by weight", []Column{{Flex: 1}, {Flex: 3}}, 41, []int{10, 30}},
		{"remainder goes left", []Column{{}, {}, {}}, 12, []int{4, 3, 3}},
		{"minimum then spare", []Column{{MinWidth: 10}, {Width: 4}, {}}, 30, []int{17, 4, 7}}, // 14 spare cells, 7 each
		{"too narrow cuts then drops from the right", []Column{{Width: 6}, {Width: 6}, {Width: 6}}, 10, []int{6, 3, 0}},
		{"separator does not fit", []Column{{Width: 6}, {Width: 6}}, 7, []int{6, 0}},
		{"nothing fits", []Column{{Width: 6}, {MinWidth: 3}}, 0, []int{0, 0}},
		{"no columns", nil, 10, []int{}},
		{"the highest priority gives way first", []Column{{MinWidth: 10}, {Width: 6, Priority: 1}, {Width: 6, Priority: 2}}, 20, []int{13, 6, 0}},
		{"equal priorities: the rightmost goes", []Column{{MinWidth: 4}, {Width: 4, Priority: 1}, {Width: 4, Priority: 1}}, 10, []int{5, 4, 0}},
		{"a fixed column shrinks to its minimum before any goes", []Column{{MinWidth: 10}, {Width: 22, MinWidth: 2, Priority: 1}, {Width: 7, Priority: 2}}, 30, []int{10, 11, 7}},
		{"spare grows the shrunk column before the flexible ones", []Column{{MinWidth: 10}, {Width: 22, MinWidth: 2, Priority: 1}}, 40, []int{17, 22}},
		{"a less important column goes so the shrunk one gets its width", []Column{{MinWidth: 10}, {Width: 22, MinWidth: 2, Priority: 1}, {Width: 6, Priority: 2}}, 34, []int{11, 22, 0}},
		{"it stays when dropping it does not give that width back", []Column{{MinWidth: 10}, {Width: 22, MinWidth: 2, Priority: 1}, {Width: 6, Priority: 2}}, 26, []int{10, 8, 6}},
		{"priority 0 never goes: it is cut", []Column{{Width: 6}, {Width: 6, Priority: 1}}, 5, []int{5, 0}},
	}
	for _, tt := range tests {
		got := layoutWidths(tt.cols, tt.body)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

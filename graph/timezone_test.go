package graph

import "testing"

func TestTimezoneLabel(t *testing.T) {
	tests := []struct{ id, want string }{
		{"7", "7 America/New_York"},
		{"1", "1 America/Los_Angeles"},
		{"135", "135"}, // not in the table: the number as Graph sent it
		{"", ""},
	}
	for _, tt := range tests {
		if got := TimezoneLabel(tt.id); got != tt.want {
			t.Errorf("TimezoneLabel(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

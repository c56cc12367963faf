package readmodel

import (
	"testing"
	"time"

	"mps/graph/webhook"
	"mps/store/eventlog"
)

func TestStatusSince(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	ev := func(id, status string, hours int) eventlog.Event {
		return eventlog.Event{Field: webhook.FieldPartnerSolutions, SolutionID: id, Status: status, EntryTime: t0.Add(time.Duration(hours) * time.Hour)}
	}
	var s StatusSince
	s.Note([]eventlog.Event{
		ev("1", "INITIATED", 0),
		ev("1", "INITIATED", 5), // same status again: the request is still as old
		ev("2", "INITIATED", 1),
		ev("2", "ACTIVE", 2),
		ev("2", "PENDING_DEACTIVATION", 10), // a new request: its age starts here
		{Field: webhook.FieldAccountUpdate, SolutionID: "3", EntryTime: t0},
	})
	s.Note([]eventlog.Event{ev("2", "ACTIVE", 3)}) // a late redelivery changes nothing
	tests := []struct {
		id     string
		want   time.Time
		wantOK bool
	}{
		{"1", t0, true},
		{"2", t0.Add(10 * time.Hour), true},
		{"3", time.Time{}, false},
		{"4", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := s.Since(tt.id)
		if !got.Equal(tt.want) || ok != tt.wantOK {
			t.Errorf("Since(%s) = %v, %v; want %v, %v", tt.id, got, ok, tt.want, tt.wantOK)
		}
	}
}

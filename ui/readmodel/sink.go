package readmodel

import (
	"context"

	"mps/graph/webhook"
	"mps/store/eventlog"
)

// LogSink is a webhook.Sink that appends to an event log. Append commits
// (synchronous=FULL) before it returns, so the receiver's 200 follows a
// durable write.
type LogSink struct {
	Log *eventlog.Log
}

// Store implements webhook.Sink.
func (s LogSink) Store(ctx context.Context, changes []webhook.Change) (int, error) {
	return s.Log.Append(ctx, Events(changes))
}

// Events converts parsed changes to event log rows.
func Events(changes []webhook.Change) []eventlog.Event {
	out := make([]eventlog.Event, len(changes))
	for i, c := range changes {
		out[i] = eventlog.Event{
			Key:             c.Key,
			Received:        c.Received,
			EntryTime:       c.EntryTime,
			EntryID:         c.EntryID,
			Object:          c.Object,
			Field:           c.Field,
			Event:           c.Event,
			SolutionID:      c.SolutionID,
			WABAID:          c.WABAID,
			Status:          c.SolutionStatus,
			OwnerBusinessID: c.OwnerBusinessID,
			PartnerAppID:    c.PartnerAppID,
			BusinessIDs:     c.BusinessIDs,
			Known:           c.Known,
			Raw:             c.Raw,
		}
	}
	return out
}

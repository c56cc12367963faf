// Package eventlogtest fills event logs for tests and benchmarks.
package eventlogtest

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"mps/store/eventlog"
)

// Mix is the make-up of a generated log, per 100 events: the rest of each
// hundred are PARTNER_ADDED for a new WABA.
type Mix struct {
	Solutions int // the PARTNER_ADDED events are spread over this many solutions
	Removed   int // PARTNER_REMOVED of an earlier WABA, per 100 events
	Solution  int // partner_solutions events (SOLUTION_CREATED / SOLUTION_UPDATED), per 100 events
}

// Realistic is a busy Tech Provider's log: many solutions, a customer in
// twelve leaving again, and the solutions' own status changes.
func Realistic() Mix { return Mix{Solutions: 400, Removed: 8, Solution: 12} }

// Start is the time of the first generated event; one follows each minute.
func Start() time.Time { return time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC) }

// SolutionID is the ID of the i-th generated solution.
func SolutionID(i int) string { return fmt.Sprintf("77%013d", i) }

// WABAID is the ID of the i-th generated WABA.
func WABAID(i int) string { return fmt.Sprintf("10%013d", i) }

// Events makes n events of mix, as the receiver would store them. The i-th
// PARTNER_ADDED reports WABAID(i) through SolutionID(i % Solutions).
func Events(n int, mix Mix) []eventlog.Event {
	out := make([]eventlog.Event, 0, n)
	added := 0
	for i := range n {
		at := Start().Add(time.Duration(i) * time.Minute)
		key := fmt.Sprintf("gen-%d", i)
		switch slot := i % 100; {
		case slot < mix.Removed && added > 0:
			// Every removal names a different, earlier WABA.
			waba := WABAID((i/100*mix.Removed + slot) % added)
			out = append(out, accountUpdate(key, eventlog.EventPartnerRemoved, waba, "", at))
		case slot >= mix.Removed && slot < mix.Removed+mix.Solution:
			sol := SolutionID(i % max(mix.Solutions, 1))
			out = append(out, solutionEvent(key, sol, i, at))
		default:
			out = append(out, accountUpdate(key, eventlog.EventPartnerAdded, WABAID(added), SolutionID(added%max(mix.Solutions, 1)), at))
			added++
		}
	}
	return out
}

// Fill appends Events(n, mix) to l in deliveries of 1,000 (Meta's maximum).
func Fill(ctx context.Context, l *eventlog.Log, n int, mix Mix) error {
	events := Events(n, mix)
	for len(events) > 0 {
		batch := events[:min(1000, len(events))]
		events = events[len(batch):]
		if _, err := l.Append(ctx, batch); err != nil {
			return err
		}
	}
	return nil
}

func accountUpdate(key, event, waba, solution string, at time.Time) eventlog.Event {
	value := map[string]any{
		"event": event,
		"waba_info": map[string]any{
			"waba_id": waba, "owner_business_id": "6143763655652543",
			"solution_id": solution, "solution_partner_business_ids": []string{"506914307656634", "116133292427920"},
		},
	}
	return eventlog.Event{
		Key: key, Received: at.Add(2 * time.Second), EntryTime: at, EntryID: "506914307656634",
		Object: "whatsapp_business_account", Field: "account_update", Event: event,
		SolutionID: solution, WABAID: waba, OwnerBusinessID: "6143763655652543",
		BusinessIDs: []string{"506914307656634", "116133292427920"}, Known: true,
		Raw: raw("account_update", value),
	}
}

func solutionEvent(key, solution string, i int, at time.Time) eventlog.Event {
	event, status := "SOLUTION_UPDATED", "ACTIVE"
	if i%3 == 0 {
		event, status = "SOLUTION_CREATED", "PENDING_ACTIVATION"
	}
	value := map[string]any{
		"event": event, "solution_id": solution, "solution_status": status,
		"solution_partner_business_ids": []string{"506914307656634", "116133292427920"},
	}
	return eventlog.Event{
		Key: key, Received: at.Add(2 * time.Second), EntryTime: at, EntryID: "506914307656634",
		Object: "whatsapp_business_account", Field: "partner_solutions", Event: event,
		SolutionID: solution, Status: status,
		BusinessIDs: []string{"506914307656634", "116133292427920"}, Known: true,
		Raw: raw("partner_solutions", value),
	}
}

func raw(field string, value map[string]any) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"field": field, "value": value}) // maps of strings always encode
	return b
}

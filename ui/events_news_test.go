package ui

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/graphtest"
	"mps/store/eventlog"
)

// stamped gives events an entry time, as if Meta had sent them then.
func stamped(events []eventlog.Event, at time.Time) []eventlog.Event {
	for i := range events {
		events[i].EntryTime = at
	}
	return events
}

// reloads runs the commands newsOf returns and keeps their ReloadMsgs.
func reloads(t *testing.T, cmds []tea.Cmd) []ReloadMsg {
	t.Helper()
	var out []ReloadMsg
	for _, c := range cmds {
		msg := c()
		reload, ok := msg.(ReloadMsg)
		if !ok {
			t.Fatalf("newsOf gave a %T, want ReloadMsg", msg)
		}
		out = append(out, reload)
	}
	return out
}

// An event is news for a tab only when it may be missing from that tab's
// data: it happened after the data was asked for (less a minute of clock
// skew), or it carries no time.
func TestNewsIsWhatHappenedAfterTheLastLoad(t *testing.T) {
	asked := fixedNow()
	loads := map[TabID]time.Time{TabSolutions: asked, TabCustomers: asked}
	solution := func(at time.Time) eventlog.Event {
		return stamped(guideEvents(t, asked, "guide_partner_solutions_created.json"), at)[0]
	}
	customer := func(at time.Time) eventlog.Event {
		return stamped(guideEvents(t, asked, "guide_account_update_partner_added.json"), at)[0]
	}
	older, newer := solution(asked.Add(-2*time.Hour)), solution(asked.Add(10*time.Second))
	newer.SolutionID = "newer-solution"
	tests := []struct {
		name   string
		events []eventlog.Event
		loads  map[TabID]time.Time
		want   []ReloadMsg
	}{
		{"older then newer", []eventlog.Event{older, newer}, loads,
			[]ReloadMsg{{Tab: TabSolutions, Reason: "Webhook: partner_solutions/SOLUTION_CREATED for solution newer-solution — reloading solutions"}}},
		{"only older", []eventlog.Event{older}, loads, nil},
		{"within the clock skew", []eventlog.Event{solution(asked.Add(-30 * time.Second))}, loads,
			[]ReloadMsg{{Tab: TabSolutions, Reason: "Webhook: partner_solutions/SOLUTION_CREATED for solution " + older.SolutionID + " — reloading solutions"}}},
		{"no time of its own", []eventlog.Event{solution(time.Time{})}, loads,
			[]ReloadMsg{{Tab: TabSolutions, Reason: "Webhook: partner_solutions/SOLUTION_CREATED for solution " + older.SolutionID + " — reloading solutions"}}},
		{"never loaded", []eventlog.Event{older}, map[TabID]time.Time{}, []ReloadMsg{{Tab: TabSolutions,
			Reason: "Webhook: partner_solutions/SOLUTION_CREATED for solution " + older.SolutionID + " — reloading solutions"}}},
		{"old customer event", []eventlog.Event{customer(asked.Add(-time.Hour))}, loads, nil},
		{"new customer event", []eventlog.Event{customer(asked.Add(time.Minute))}, loads,
			[]ReloadMsg{{Tab: TabCustomers, Reason: "Webhook: account_update/PARTNER_ADDED for WABA " + customer(asked).WABAID + " — reloading customers"}}},
		{"customers judged by their own load", []eventlog.Event{customer(asked.Add(-time.Hour))},
			map[TabID]time.Time{TabSolutions: asked, TabCustomers: asked.Add(-2 * time.Hour)},
			[]ReloadMsg{{Tab: TabCustomers, Reason: "Webhook: account_update/PARTNER_ADDED for WABA " + customer(asked).WABAID + " — reloading customers"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := reloads(t, newsOf(tt.events, true, tt.loads))
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("reload %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
	if got := newsOf([]eventlog.Event{newer}, false, loads); got != nil {
		t.Error("an event read before the log was caught up was taken as news")
	}
}

// Through the app: events appended to the log after the first read reload
// the solutions only when they happened after the list was asked for, and
// the Events tab lists them all.
func TestEventsTabReloadsOnlyForNewerEvents(t *testing.T) {
	h, l := logHarness(t, graphtest.Options{WABAs: -1})
	e, _ := h.eventsTab()
	asked := h.app.ctx.LoadAsked[TabSolutions]
	if asked.IsZero() {
		t.Fatal("starting the app did not note when the solution list was asked for")
	}
	reads := solutionListReads(h.sb)

	old := stamped(guideEvents(t, fixedNow(), "guide_partner_solutions_created.json"), asked.Add(-time.Hour))
	if _, err := l.Append(t.Context(), old); err != nil {
		t.Fatal(err)
	}
	h.tick()
	if e.list.Len() != len(old) {
		t.Fatalf("the Events tab lists %d events, want %d", e.list.Len(), len(old))
	}
	if got := solutionListReads(h.sb); got != reads {
		t.Fatalf("an event from before the last load read the solution list %d more times", got-reads)
	}
	if s := h.screen(); strings.Contains(s, "reloading") {
		t.Fatalf("an event from before the last load gave a notice:\n%s", s)
	}

	fresh := stamped(guideEvents(t, fixedNow(), "guide_partner_solutions_pending_deactivation.json"), asked.Add(time.Second))
	if _, err := l.Append(t.Context(), fresh); err != nil {
		t.Fatal(err)
	}
	h.tick()
	if got := solutionListReads(h.sb); got != reads+1 {
		t.Fatalf("an event after the last load read the solution list %d more times, want 1", got-reads)
	}
	h.wantScreen("Webhook: partner_solutions/SOLUTION_UPDATED for solution " + fresh[0].SolutionID + " — reloading solutions")
}

// The demo replays a week of past webhooks right after start: the Events tab
// lists every one, but none is news. A change made afterwards is.
func TestDemoReplayIsNotNews(t *testing.T) {
	h := newDemoEventsHarnessWith(t, graphtest.Options{Now: fixedNow})
	var replayed atomic.Int64 // payloads, each of one change
	h.sb.OnWebhook(func([]byte) { replayed.Add(1) })
	reads := solutionListReads(h.sb)
	h.sb.ReplayHistory()
	h.tick()
	e, _ := h.eventsTab()
	if n := replayed.Load(); n == 0 || int64(e.list.Len()) != n {
		t.Fatalf("the Events tab lists %d of %d replayed events", e.list.Len(), n)
	}
	if got := solutionListReads(h.sb); got != reads {
		t.Fatalf("the replayed history read the solution list %d more times", got-reads)
	}
	if s := h.screen(); strings.Contains(s, "reloading") {
		t.Fatalf("the replayed history gave a reload notice:\n%s", s)
	}

	var active string
	for _, s := range h.sb.Solutions() {
		if s.Status == graph.StatusActive {
			active = s.ID
			break
		}
	}
	h.sb.SetSolutionStatus(active, graph.StatusPendingDeactivation, graph.PendingDeactivation)
	h.tick()
	if got := solutionListReads(h.sb); got != reads+1 {
		t.Fatalf("a change after the replay read the solution list %d more times, want 1", got-reads)
	}
	h.wantScreen("Webhook: partner_solutions/SOLUTION_UPDATED for solution " + active + " — reloading solutions")
}

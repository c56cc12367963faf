package ui

import (
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/eventlog"
)

// stamped gives events an entry time, as if Meta had sent them then.
func stamped(events []eventlog.Event, at time.Time) []eventlog.Event {
	for i := range events {
		events[i].EntryTime = at
	}
	return events
}

// newsIn runs the commands newsOf returns and keeps the news they carry:
// the solutions to read again, the WABAs a webhook adds or removes, and the
// notice.
func newsIn(t *testing.T, cmds []tea.Cmd) []newsMsg {
	t.Helper()
	var out []newsMsg
	for _, c := range cmds {
		msg := c()
		n, ok := msg.(newsMsg)
		if !ok {
			t.Fatalf("newsOf gave a %T, want newsMsg", msg)
		}
		out = append(out, n)
	}
	return out
}

// wantNews is what a test expects of one newsMsg.
type wantNews struct {
	solutions, wabas []string
	reason           string
}

func (w wantNews) matches(n newsMsg) bool {
	var solutions, wabas []string
	for _, e := range n.solutions {
		solutions = append(solutions, e.SolutionID)
	}
	for _, e := range n.customers {
		wabas = append(wabas, e.WABAID)
	}
	return slices.Equal(solutions, w.solutions) && slices.Equal(wabas, w.wabas) && n.reason == w.reason
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
	read := func(id string) wantNews {
		return wantNews{solutions: []string{id}, reason: "Webhook: partner_solutions/SOLUTION_CREATED for solution " + id + " — reading that solution"}
	}
	added := wantNews{wabas: []string{customer(asked).WABAID},
		reason: "Webhook: account_update/PARTNER_ADDED for WABA " + customer(asked).WABAID + " — updating the customers"}
	tests := []struct {
		name   string
		events []eventlog.Event
		loads  map[TabID]time.Time
		want   []wantNews
	}{
		{"older then newer", []eventlog.Event{older, newer}, loads, []wantNews{read("newer-solution")}},
		{"only older", []eventlog.Event{older}, loads, nil},
		{"within the clock skew", []eventlog.Event{solution(asked.Add(-30 * time.Second))}, loads, []wantNews{read(older.SolutionID)}},
		{"no time of its own", []eventlog.Event{solution(time.Time{})}, loads, []wantNews{read(older.SolutionID)}},
		{"never loaded", []eventlog.Event{older}, map[TabID]time.Time{}, []wantNews{read(older.SolutionID)}},
		{"the same solution twice", []eventlog.Event{newer, newer}, loads, []wantNews{read("newer-solution")}},
		{"old customer event", []eventlog.Event{customer(asked.Add(-time.Hour))}, loads, nil},
		{"new customer event", []eventlog.Event{customer(asked.Add(time.Minute))}, loads, []wantNews{added}},
		{"customers judged by their own load", []eventlog.Event{customer(asked.Add(-time.Hour))},
			map[TabID]time.Time{TabSolutions: asked, TabCustomers: asked.Add(-2 * time.Hour)}, []wantNews{added}},
		{"a solution and a customer", []eventlog.Event{newer, customer(asked.Add(time.Minute))}, loads,
			[]wantNews{{solutions: []string{"newer-solution"}, wabas: added.wabas,
				reason: read("newer-solution").reason + " (and 1 more)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newsIn(t, newsOf(tt.events, true, tt.loads))
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if !tt.want[i].matches(got[i]) {
					t.Errorf("news %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
	if got := newsOf([]eventlog.Event{newer}, false, loads); got != nil {
		t.Error("an event read before the log was caught up was taken as news")
	}
}

// The last event about a WABA in one read is the one that counts, and
// events that do not add or remove a customer are not news for the list.
func TestCustomerNewsKeepsTheLastEventPerWABA(t *testing.T) {
	asked := fixedNow()
	loads := map[TabID]time.Time{TabSolutions: asked, TabCustomers: asked}
	events := stamped(guideEvents(t, asked, "guide_account_update_partner_added.json", "notes_account_update_partner_removed.json",
		"notes_account_update_partner_app_installed.json", "notes_account_update_partner_app_uninstalled.json"), asked.Add(time.Minute))
	got := newsIn(t, newsOf(events, true, loads))
	if len(got) != 1 || len(got[0].customers) != 1 || got[0].customers[0].Event != "PARTNER_REMOVED" || len(got[0].solutions) != 0 {
		t.Fatalf("news = %+v, want only the PARTNER_REMOVED", got)
	}
	if want := "Webhook: account_update/PARTNER_REMOVED for WABA " + events[0].WABAID + " — removed from the customers"; got[0].reason != want {
		t.Errorf("notice %q, want %q", got[0].reason, want)
	}
}

// Through the app: events appended to the log after the first read read
// their solution again only when they happened after the list was asked
// for, and the Events tab lists them all.
func TestEventsTabReadsOnlyForNewerEvents(t *testing.T) {
	h, l := logHarness(t, sandbox.Options{WABAs: -1})
	e, _ := h.eventsTab()
	asked := h.app.ctx.LoadAsked[TabSolutions]
	if asked.IsZero() {
		t.Fatal("starting the app did not note when the solution list was asked for")
	}
	before := mark(h.sb)

	old := stamped(guideEvents(t, fixedNow(), "guide_partner_solutions_created.json"), asked.Add(-time.Hour))
	if _, err := l.Append(t.Context(), old); err != nil {
		t.Fatal(err)
	}
	h.tick()
	if e.list.Len() != len(old) {
		t.Fatalf("the Events tab lists %d events, want %d", e.list.Len(), len(old))
	}
	wantReads(t, requestsSince(h.sb, before), "")
	if s := h.screen(); strings.Contains(s, "Webhook:") {
		t.Fatalf("an event from before the last load gave a notice:\n%s", s)
	}

	sol := h.sb.Solutions()[0]
	fresh := stamped(guideEvents(t, fixedNow(), "guide_partner_solutions_pending_deactivation.json"), asked.Add(time.Second))
	fresh[0].SolutionID = sol.ID
	if _, err := l.Append(t.Context(), fresh); err != nil {
		t.Fatal(err)
	}
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.SolutionFields, sol.ID)
	h.wantScreen("Webhook: partner_solutions/SOLUTION_UPDATED for solution " + sol.ID + " — reading that solution")
}

// The demo replays a week of past webhooks right after start: the Events tab
// lists every one, but none is news. A change made afterwards is.
func TestDemoReplayIsNotNews(t *testing.T) {
	h := newDemoEventsHarnessWith(t, sandbox.Options{Now: fixedNow})
	var replayed atomic.Int64 // payloads, each of one change
	h.sb.OnWebhook(func([]byte) { replayed.Add(1) })
	before := mark(h.sb)
	h.sb.ReplayHistory()
	h.tick()
	e, _ := h.eventsTab()
	if n := replayed.Load(); n == 0 || int64(e.list.Len()) != n {
		t.Fatalf("the Events tab lists %d of %d replayed events", e.list.Len(), n)
	}
	wantReads(t, requestsSince(h.sb, before), "")
	if s := h.screen(); strings.Contains(s, "Webhook:") {
		t.Fatalf("the replayed history gave a notice:\n%s", s)
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
	wantReads(t, requestsSince(h.sb, before), graph.SolutionFields, active)
	h.wantScreen("Webhook: partner_solutions/SOLUTION_UPDATED for solution " + active + " — reading that solution")
}

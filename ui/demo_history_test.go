package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/webhook"
)

// The demo's replayed history reaches the dashboard the way real webhooks
// do: signed, through the receiver, into the log the Events tab polls.
func TestDemoHistoryGivesAgesAndTheWeeksOnboardings(t *testing.T) {
	h := newDemoEventsHarnessWith(t, sandbox.Options{Now: fixedNow})
	var mu sync.Mutex
	statusSince := map[string]time.Time{} // the entry time of each solution's latest change
	h.sb.OnWebhook(func(p []byte) {
		changes, err := webhook.Parse(p)
		if err != nil {
			t.Errorf("replayed payload %s: %v", p, err)
		}
		mu.Lock()
		defer mu.Unlock()
		for _, c := range changes {
			if c.Field == webhook.FieldPartnerSolutions {
				statusSince[c.SolutionID] = c.EntryTime
			}
		}
	})
	h.press("2")
	h.wantScreen("Pending")
	before := h.screen()
	h.sb.ReplayHistory()
	h.tick()
	h.press("2")
	screen := h.screen()

	mu.Lock()
	defer mu.Unlock()
	pending := 0
	for _, s := range h.sb.Solutions() {
		if st := s.State(); st != graph.StatePending && st != graph.StatePendingDeactivation {
			continue
		}
		pending++
		since, ok := statusSince[s.ID]
		if !ok {
			t.Fatalf("no replayed webhook for pending solution %s", s.Name)
		}
		want := " " + shortAge(fixedNow().Sub(since)) + " "
		if row := lineWith(screen, s.Name); !strings.Contains(row, want) {
			t.Errorf("%s: its row %q does not show the age %q from its replayed webhook", s.Name, row, want)
		}
		if row := lineWith(before, s.Name); !strings.Contains(row, " — ") {
			t.Errorf("%s: before the replay its row %q already had an age", s.Name, row)
		}
	}
	if pending == 0 {
		t.Fatal("the demo has no pending requests to age")
	}
	h.wantScreen(fmt.Sprintf("│ onboarded %d/200 this week │", sandbox.HistoryOnboardings))
}

// lineWith is the screen line that contains s.
func lineWith(screen, s string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}

package sandbox

import (
	"slices"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/webhook"
)

// replayed runs ReplayHistory on a fresh sandbox and parses what it emitted
// with the receiver's own parser.
func replayed(t *testing.T, opts Options) (*Sandbox, [][]byte, []webhook.Change) {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	sb := New(opts)
	rec := recordHooks(sb)
	sb.ReplayHistory()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var changes []webhook.Change
	for _, p := range rec.payloads {
		cs, err := webhook.Parse(p)
		if err != nil {
			t.Fatalf("payload %s: %v", p, err)
		}
		changes = append(changes, cs...)
	}
	return sb, rec.payloads, changes
}

func TestReplayHistorySolutionsMatchTheirStatus(t *testing.T) {
	sb, _, changes := replayed(t, Options{Seed: 3})
	now := fixedNow()
	bySolution := map[string][]webhook.Change{}
	for i, c := range changes {
		if !c.EntryTime.Before(now) {
			t.Errorf("change %d (%s %s) is dated %v, not before now %v", i, c.Field, c.Event, c.EntryTime, now)
		}
		if i > 0 && c.EntryTime.Before(changes[i-1].EntryTime) {
			t.Errorf("change %d is older than the one delivered before it", i)
		}
		if c.Field == webhook.FieldPartnerSolutions {
			bySolution[c.SolutionID] = append(bySolution[c.SolutionID], c)
		}
	}
	solutions := sb.Solutions()
	if len(bySolution) != len(solutions) {
		t.Fatalf("history covers %d solutions, the sandbox shows %d", len(bySolution), len(solutions))
	}
	for _, s := range solutions {
		hist := bySolution[s.ID]
		created := 0
		for _, c := range hist {
			if c.Event == webhook.EventSolutionCreated {
				created++
			}
		}
		if created != 1 || hist[0].Event != webhook.EventSolutionCreated {
			t.Errorf("%s: %d SOLUTION_CREATED, first event %s; want exactly one, first", s.Name, created, hist[0].Event)
		}
		if got, want := hist[len(hist)-1].SolutionStatus, webhookStatus(s.Status, s.PendingRequest); got != want {
			t.Errorf("%s: history ends in %s, the solution is %s", s.Name, got, want)
		}
		since := now.Sub(hist[len(hist)-1].EntryTime)
		st := s.State()
		open := st == graph.StatePending || st == graph.StatePendingDeactivation
		if open && since > awaitingAgo+awaitingSpan {
			t.Errorf("%s: an open request is %v old, want at most %v", s.Name, since, awaitingAgo+awaitingSpan)
		}
		if !open && since <= historyWeek {
			t.Errorf("%s: settled only %v ago, inside the onboarding week", s.Name, since)
		}
	}
}

func TestReplayHistoryOnboardingsThisWeek(t *testing.T) {
	sb, _, changes := replayed(t, Options{Seed: 3})
	now := fixedNow()
	activeSince := map[string]time.Time{}
	perSolution := map[string]int{}
	var wabas []string
	listed := map[string]bool{}
	for _, w := range sb.WABAs() {
		listed[w.ID] = true
	}
	var reportedOnly []webhook.Change
	for _, c := range changes {
		if c.Field == webhook.FieldPartnerSolutions && c.SolutionStatus == graph.StatusActive {
			activeSince[c.SolutionID] = c.EntryTime
		}
		if c.Event != webhook.EventPartnerAdded {
			continue
		}
		if now.Sub(c.EntryTime) > historyWeek {
			t.Errorf("WABA %s onboarded %v ago, outside the week", c.WABAID, now.Sub(c.EntryTime))
		}
		if at, ok := activeSince[c.SolutionID]; !ok || !at.Before(c.EntryTime) {
			t.Errorf("WABA %s onboarded at %v through %s, which was not active before then", c.WABAID, c.EntryTime, c.SolutionID)
		}
		if ids, ok := sb.WABASolutionIDs(c.WABAID); !ok && !listed[c.WABAID] {
			reportedOnly = append(reportedOnly, c)
		} else if !ok || !slices.Contains(ids, c.SolutionID) {
			t.Errorf("WABA %s: the sandbox has it through %v, the webhook says %s", c.WABAID, ids, c.SolutionID)
		}
		wabas = append(wabas, c.WABAID)
		perSolution[c.SolutionID]++
	}
	if len(wabas) != HistoryOnboardings {
		t.Fatalf("%d PARTNER_ADDED in the week, want %d", len(wabas), HistoryOnboardings)
	}
	slices.Sort(wabas)
	if len(slices.Compact(wabas)) != HistoryOnboardings {
		t.Errorf("a WABA was reported twice: %v", wabas)
	}
	// Every reported WABA is listed but the seed's one reported-only
	// customer, the newest report, through a solution we own.
	if len(reportedOnly) != 1 || reportedOnly[0].WABAID != newestReport(changes).WABAID {
		t.Fatalf("reported but not listed: %+v, want the newest report %+v alone", reportedOnly, newestReport(changes))
	}
	if role := sb.RoleOf(reportedOnly[0].SolutionID); role != graph.RoleOwner {
		t.Errorf("the reported-only WABA came through %s, where we are %v", reportedOnly[0].SolutionID, role)
	}
	if len(perSolution) < 2 {
		t.Errorf("all onboardings came through one solution: %v", perSolution)
	}
}

func TestReplayHistoryIsDeterministic(t *testing.T) {
	_, a, _ := replayed(t, Options{Seed: 9})
	_, b, _ := replayed(t, Options{Seed: 9})
	if !slices.EqualFunc(a, b, slices.Equal) {
		t.Fatal("two replays with the same seed and clock differ")
	}
	_, c, _ := replayed(t, Options{Seed: 10})
	if slices.EqualFunc(a, c, slices.Equal) {
		t.Fatal("another seed replayed the very same history")
	}
}

func TestReplayHistoryWithoutWABAs(t *testing.T) {
	sb, _, changes := replayed(t, Options{WABAs: -1})
	solutions := 0
	for _, c := range changes {
		if c.Event == webhook.EventPartnerAdded {
			t.Fatalf("a sandbox with no WABAs replayed onboarding of %s", c.WABAID)
		}
		if c.Event == webhook.EventSolutionCreated {
			solutions++
		}
	}
	if solutions != len(sb.Solutions()) {
		t.Fatalf("%d SOLUTION_CREATED for %d solutions", solutions, len(sb.Solutions()))
	}
}

// newestReport is the latest PARTNER_ADDED of changes.
func newestReport(changes []webhook.Change) webhook.Change {
	var out webhook.Change
	for _, c := range changes {
		if c.Event == webhook.EventPartnerAdded && c.EntryTime.After(out.EntryTime) {
			out = c
		}
	}
	return out
}

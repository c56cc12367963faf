package cli

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/store/eventlog"
)

// demoHistory is what the demo's sandbox replays, parsed by the receiver's
// own parser: a sandbox like --demo's, on the harness's clock.
func demoHistory(t *testing.T) (*sandbox.Sandbox, []webhook.Change) {
	t.Helper()
	sb := sandbox.New(sandbox.Options{Now: harnessNow})
	var changes []webhook.Change
	sb.OnWebhook(func(payload []byte) {
		cs, err := webhook.Parse(payload)
		if err != nil {
			t.Errorf("replayed payload %s: %v", payload, err)
		}
		changes = append(changes, cs...)
	})
	sb.ReplayHistory()
	return sb, changes
}

// reportedOnly is the one customer of the demo's history that the API
// does not list: every other PARTNER_ADDED names a listed WABA.
func reportedOnly(t *testing.T, sb *sandbox.Sandbox, history []webhook.Change) webhook.Change {
	t.Helper()
	listed := map[string]bool{}
	for _, w := range sb.WABAs() {
		listed[w.ID] = true
	}
	var out []webhook.Change
	for _, c := range history {
		if c.Event == webhook.EventPartnerAdded && !listed[c.WABAID] {
			out = append(out, c)
		}
	}
	if len(out) != 1 {
		t.Fatalf("the demo history reports %d customers the API does not list (%+v), want one", len(out), out)
	}
	return out[0]
}

// privateTempDir points the runs' temporary files at a directory of the
// test's own, so what they leave behind can be seen.
func privateTempDir(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	return dir
}

func wantEmptyDir(t *testing.T, dir, after string) {
	t.Helper()
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("%s left %d files in the temporary directory, the first %s", after, len(left), left[0].Name())
	}
}

func TestDemoEventsAreTheSandboxHistory(t *testing.T) {
	tmp := privateTempDir(t)
	h := seededHarness(t)
	_, want := demoHistory(t)

	got := decodeJSON[[]eventJSON](t, h.mustRun("--demo", "events", "--json").stdout)
	wantExit(t, h.run("--demo", "events"), ExitOK, "--demo events")
	wantEmptyDir(t, tmp, "--demo events")
	if len(got) != len(want) {
		t.Fatalf("--demo events --json gave %d events, the sandbox replays %d", len(got), len(want))
	}
	added := 0
	for i, c := range want {
		g := got[i]
		if g.DedupKey != c.Key || g.Event != c.Event || g.Field != c.Field || g.SolutionID != c.SolutionID ||
			g.WABAID != c.WABAID || g.EntryTime == nil || !g.EntryTime.Equal(c.EntryTime) || !g.Understood {
			t.Errorf("event %d = %+v, replayed %+v", i, g, c)
		}
		if !g.Received.Equal(c.EntryTime) {
			t.Errorf("event %d received %s, not at its own time, the entry time %s", i, g.Received, c.EntryTime)
		}
		if c.Event == webhook.EventPartnerAdded {
			added++
		}
	}
	if added != sandbox.HistoryOnboardings {
		t.Errorf("the demo history has %d PARTNER_ADDED, want %d", added, sandbox.HistoryOnboardings)
	}

	lastDay := 0
	for _, c := range want {
		if c.EntryTime.After(harnessNow().Add(-24 * time.Hour)) {
			lastDay++
		}
	}
	recent := decodeJSON[[]eventJSON](t, h.mustRun("--demo", "events", "--json", "--since", "24h").stdout)
	if lastDay == 0 || lastDay == len(want) || len(recent) != lastDay {
		t.Errorf("--demo events --since 24h gave %d events, the history has %d of %d in the last day", len(recent), lastDay, len(want))
	}

	again := decodeJSON[[]eventJSON](t, h.mustRun("--demo", "events", "--json", "--event", webhook.EventPartnerAdded).stdout)
	if len(again) != added {
		t.Errorf("--demo events --event PARTNER_ADDED gave %d, want %d", len(again), added)
	}
}

func TestDemoReconcileReportsTheReplayedOnboardings(t *testing.T) {
	tmp := privateTempDir(t)
	h := seededHarness(t)
	sb, history := demoHistory(t)
	perSolution := map[string]int{}
	for _, c := range history {
		if c.Event == webhook.EventPartnerAdded {
			perSolution[c.SolutionID]++
		}
	}

	only := reportedOnly(t, sb, history)

	got := decodeJSON[reconcileJSON](t, h.mustRun("--demo", "reconcile", "--json").stdout)
	wantEmptyDir(t, tmp, "--demo reconcile")
	if got.BusinessID != sandbox.DemoBusinessID || got.EventLog != demoEventLogName {
		t.Errorf("reconcile names business %s, log %q", got.BusinessID, got.EventLog)
	}
	// Every replayed onboarding is listed by the API but the seed's one
	// reported-only customer, which reconcile names as such.
	if got.Listed != sb.WABACount() || got.Reported != sandbox.HistoryOnboardings || got.Matched != got.Reported-1 ||
		len(got.WebhookNotListed) != 1 || got.WebhookNotListed[0].WABAID != only.WABAID || got.WebhookNotListed[0].SolutionID != only.SolutionID ||
		len(got.OnboardedNoWebhook) != sb.WABACount()-got.Matched || got.Consistent {
		t.Errorf("reconcile: listed %d of %d, reported %d, matched %d, not listed %+v (want %s alone), consistent %v",
			got.Listed, sb.WABACount(), got.Reported, got.Matched, got.WebhookNotListed, only.WABAID, got.Consistent)
	}
	if got.OnboardingWeek.Total != sandbox.HistoryOnboardings || len(got.OnboardingWeek.PerSolution) != len(perSolution) {
		t.Errorf("onboarding week %+v, replayed per solution %v", got.OnboardingWeek, perSolution)
	}
	for _, c := range got.OnboardingWeek.PerSolution {
		if c.Count != perSolution[c.SolutionID] {
			t.Errorf("solution %s: %d onboarded this week, replayed %d", c.SolutionID, c.Count, perSolution[c.SolutionID])
		}
	}

	out := h.mustRun("--demo", "reconcile").stdout
	notListed := out[strings.Index(out, "Webhook seen but not listed (1):")+1:]
	if !strings.Contains(out, "event log "+demoEventLogName) || !strings.Contains(out, "Onboarded in the last 7 days: ") ||
		!strings.Contains(out, "Webhook seen but not listed (1):") || !strings.Contains(notListed[:strings.Index(notListed, "Onboarded in")], only.WABAID) ||
		strings.Contains(out, "Both sides agree.") {
		t.Errorf("--demo reconcile, want %s under Webhook seen but not listed:\n%s", only.WABAID, out)
	}
}

func TestDemoCustomersOfASolution(t *testing.T) {
	tmp := privateTempDir(t)
	h := seededHarness(t)
	sb, history := demoHistory(t)
	bySolution := map[string][]string{}
	for _, c := range history {
		if c.Event == webhook.EventPartnerAdded {
			bySolution[c.SolutionID] = append(bySolution[c.SolutionID], c.WABAID)
		}
	}
	var solution string
	for id, wabas := range bySolution {
		if len(wabas) > len(bySolution[solution]) || len(wabas) == len(bySolution[solution]) && id < solution {
			solution = id
		}
	}
	if solution == "" {
		t.Fatal("the demo history onboards no one")
	}
	names := map[string]string{}
	for _, w := range sb.WABAs() {
		names[w.ID] = w.Name
	}

	only := reportedOnly(t, sb, history)

	got := decodeJSON[[]onboardedJSON](t, h.mustRun("--demo", "customers", "--solution", solution, "--json").stdout)
	wantEmptyDir(t, tmp, "--demo customers --solution")
	var ids []string
	for _, o := range got {
		ids = append(ids, o.ID)
		if o.ID == only.WABAID {
			// The seed's reported-only customer: no name, not listed.
			if o.Listed || o.Name != "" || o.SolutionID != solution {
				t.Errorf("the reported-only customer %+v, want it not listed and nameless", o)
			}
			continue
		}
		if !o.Listed || o.Name != names[o.ID] || names[o.ID] == "" || o.SolutionID != solution {
			t.Errorf("customer %+v: listed in the sandbox as %q", o, names[o.ID])
		}
	}
	slices.Sort(ids)
	want := slices.Sorted(slices.Values(bySolution[solution]))
	if !slices.Equal(ids, want) {
		t.Errorf("customers --solution %s = %v, replayed %v", solution, ids, want)
	}
}

// TestDemoEventLogIsMadeOnDemandAndRemoved checks the demo's log exists only
// between the first read and the end of the session.
func TestDemoEventLogIsMadeOnDemandAndRemoved(t *testing.T) {
	state := t.TempDir() // the demo's own files, never the home of whoever runs the test
	d, err := startDemo(Env{Now: harnessNow, Getenv: func(k string) string {
		return map[string]string{"XDG_STATE_HOME": state}[k]
	}}.withDefaults(), false)
	if err != nil {
		t.Fatal(err)
	}
	if d.events != nil {
		t.Fatal("the demo made an event log before a command asked for it")
	}
	if _, err := d.eventLog(context.Background()); err != nil {
		t.Fatal(err)
	}
	dir := d.events.Dir()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the demo's log directory: %v", err)
	}
	d.stop()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the demo's log directory %s outlived the session: %v", dir, err)
	}
}

func TestDemoWebhookServeStillRefuses(t *testing.T) {
	tmp := privateTempDir(t)
	h := seededHarness(t)
	r := h.run("--demo", "webhook", "serve", "--addr", "127.0.0.1:0")
	wantExit(t, r, ExitUsage, "--demo webhook serve")
	if !strings.Contains(r.stderr, "no demo mode") || !strings.Contains(r.stderr, "mps --demo events") {
		t.Errorf("--demo webhook serve: %q", r.stderr)
	}
	wantEmptyDir(t, tmp, "--demo webhook serve")
}

// The store commands have no demo mode: each says so, and why, and
// touches no file.
func TestDemoStoreCommandsRefuse(t *testing.T) {
	tmp := privateTempDir(t)
	h := seededHarness(t)
	for _, c := range []struct {
		args []string
		why  string
	}{
		{[]string{"store", "copy", "--to", "postgres://mps@db.example.com/mps"}, "no history to copy"},
		{[]string{"store", "migrate"}, "made afresh by each run"},
	} {
		what := "--demo " + strings.Join(c.args[:2], " ")
		r := h.run(append([]string{"--demo"}, c.args...)...)
		wantExit(t, r, ExitUsage, what)
		if !strings.Contains(r.stderr, "mps "+strings.Join(c.args[:2], " ")+" has no demo mode") || !strings.Contains(r.stderr, c.why) {
			t.Errorf("%s: %q", what, r.stderr)
		}
		wantEmptyDir(t, tmp, what)
	}
}

// TestDemoLogStoresWhatTheSourceSends replays a sandbox's history through
// the demo's signed loopback path and finds every payload's change in the log, stamped
// with its own time, its entry.time, not the clock's: the history happened
// over the past week. Close removes the log's directory.
func TestDemoLogStoresWhatTheSourceSends(t *testing.T) {
	now := harnessNow()
	sb := sandbox.New(sandbox.Options{Now: harnessNow, Seed: 7})
	// Each replayed payload holds one change.
	var sent [][]byte
	sb.OnWebhook(func(payload []byte) { sent = append(sent, payload) })
	d, err := startDemoLog(context.Background(), sb, harnessNow)
	if err != nil {
		t.Fatal(err)
	}
	sb.ReplayHistory()
	stored, err := d.Log.List(context.Background(), eventlog.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sent) == 0 || len(stored) != len(sent) {
		t.Fatalf("the log holds %d changes, the sandbox sent %d", len(stored), len(sent))
	}
	for i, e := range stored {
		if !e.Known || e.EntryTime.IsZero() || !e.Received.Equal(e.EntryTime) || !e.Received.Before(now) || !strings.Contains(string(sent[i]), e.Event) {
			t.Errorf("stored %d: %s received %s (understood %t), sent %s", i, e.Event, e.Received, e.Known, sent[i])
		}
	}
	dir := d.Dir()
	d.Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Close left %s: %v", dir, err)
	}
}

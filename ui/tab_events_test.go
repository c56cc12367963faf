package ui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store/eventlog"
	"mps/store/eventlog/eventlogtest"
	"mps/ui/readmodel"
)

const testPollEvery = 5 * time.Millisecond

// eventsTabOf finds the Events tab and its position.
func (h *harness) eventsTab() (*eventsTab, int) {
	h.t.Helper()
	for i, t := range h.app.tabs {
		if e, ok := t.(*eventsTab); ok {
			return e, i
		}
	}
	h.t.Fatal("no Events tab")
	return nil, 0
}

// tick fires the Events tab's poll timer once, as the runtime would.
func (h *harness) tick() {
	h.t.Helper()
	e, _ := h.eventsTab()
	h.send(eventsTickMsg{Origin{Tab: TabEvents, Seq: e.seq}})
}

// newDemoEventsHarness has an Events tab over a log that stores the
// sandbox's webhooks as the receiver does (`mps --demo` sends them through
// a real one on loopback: ui/cli's demo delivery).
func newDemoEventsHarness(t *testing.T) *harness {
	// The sandbox's clock runs 3 hours behind the app's, so ages show.
	sandboxNow := func() time.Time { return fixedNow().Add(-3 * time.Hour) }
	return newDemoEventsHarnessWith(t, sandbox.Options{Now: sandboxNow})
}

func newDemoEventsHarnessWith(t *testing.T, opts sandbox.Options) *harness {
	return newHarnessConfig(t, 120, 40, opts, func(sb *sandbox.Sandbox, c *Config) {
		storeSandboxWebhooks(t, sb, c, func(webhook.Change) time.Time { return time.Now() })
	})
}

// storeSandboxWebhooks stores each webhook sb sends in a new event log, as
// the receiver does, with received saying when each change came; c's
// Events read that log.
func storeSandboxWebhooks(t *testing.T, sb *sandbox.Sandbox, c *Config, received func(webhook.Change) time.Time) {
	t.Helper()
	path := filepath.Join(t.TempDir(), eventlog.FileName)
	l, err := eventlog.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	sink := readmodel.LogSink{Log: l}
	sb.OnWebhook(func(payload []byte) {
		changes, err := webhook.Parse(payload)
		if err != nil {
			t.Errorf("the sandbox sent a payload the receiver refuses: %v\n%s", err, payload)
			return
		}
		for i, ch := range changes {
			changes[i].Received = received(ch)
		}
		if _, err := sink.Store(context.Background(), changes); err != nil {
			t.Error(err)
		}
	})
	c.EventLog = EventLogAt(path)
	c.EventLog.PollEvery = testPollEvery
}

// logHarness has an Events tab over a log at path, filled with events.
func logHarness(t *testing.T, opts sandbox.Options, events ...eventlog.Event) (*harness, *eventlog.Log) {
	path := filepath.Join(t.TempDir(), eventlog.FileName)
	l, err := eventlog.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	if _, err := l.Append(context.Background(), events); err != nil {
		t.Fatal(err)
	}
	h := newHarnessConfig(t, 120, 40, opts, func(_ *sandbox.Sandbox, c *Config) {
		c.EventLog = EventLogAt(path)
		c.EventLog.PollEvery = testPollEvery
	})
	return h, l
}

func guideEvents(t *testing.T, received time.Time, names ...string) []eventlog.Event {
	t.Helper()
	var out []eventlog.Event
	for _, name := range names {
		changes, err := webhook.Parse(webhooktest.Payload(t, name))
		if err != nil {
			t.Fatal(err)
		}
		for i := range changes {
			changes[i].Received = received
		}
		out = append(out, readmodel.Events(changes)...)
	}
	return out
}

func TestDemoAcceptMakesAnEventAppearAndRefreshes(t *testing.T) {
	h := newDemoEventsHarnessWith(t, sandbox.Options{Now: fixedNow}) // the webhook must postdate the load to be news
	_, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("5 Events (0)", "No events yet")

	h.press("1")
	s := h.selectRow("Lucky Shrub storefront")
	h.press("a", "y")
	before := mark(h.sb)

	h.tick() // the timer fires once; nothing else is pressed
	wantReads(t, requestsSince(h.sb, before), graph.SolutionFields, s.ID)
	// The action's own result stays in view; the event shows in the tab.
	h.wantScreen("Events (1)", "Done: accept solution request")

	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("partner_solutions/SOLUTION_UPDATED", s.ID, graph.StatusActive)
	h.press("enter")
	if h.app.active != 0 || h.app.inspector == nil {
		t.Fatalf("enter on the event did not open solution %s in the inspector:\n%s", s.ID, h.screen())
	}
	h.wantScreen("Lucky Shrub storefront")
}

func TestEventsTabOnboardingReadsTheCustomer(t *testing.T) {
	h := newDemoEventsHarnessWith(t, sandbox.Options{Now: fixedNow}) // the webhook must postdate the load to be news
	var active string
	for _, s := range h.sb.Solutions() {
		if s.Status == graph.StatusActive {
			active = s.ID
			break
		}
	}
	waba, err := h.sb.OnboardCustomer(active)
	if err != nil {
		t.Fatal(err)
	}
	before := mark(h.sb)
	h.tick()
	wantReads(t, requestsSince(h.sb, before), graph.WABAFields, waba.ID)
	e, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("account_update/PARTNER_ADDED", waba.ID, "│ onboarded 1/200 this week │")
	if e.list.Len() != 1 {
		t.Fatalf("%d rows, want 1", e.list.Len())
	}
}

func TestEventsTabFiltersByField(t *testing.T) {
	now := fixedNow()
	h, _ := logHarness(t, sandbox.Options{WABAs: 5}, guideEvents(t, now,
		"guide_partner_solutions_created.json", "guide_account_update_partner_added.json", "unknown_field_and_event.json")...)
	e, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("Events (5)", "partner_solutions/SOLUTION_CREATED", "message_template_status_update/APPROVED", "account_update/ACCOUNT_VIOLATION (raw)")
	h.press("f")
	h.wantScreen("partner_solutions · live tail")
	if e.list.Len() != 2 {
		t.Fatalf("partner_solutions filter: %d rows, want 2\n%s", e.list.Len(), h.screen())
	}
	h.press("f")
	if e.list.Len() != 2 || !strings.Contains(h.screen(), "account_update/PARTNER_ADDED") {
		t.Fatalf("account_update filter: %d rows\n%s", e.list.Len(), h.screen())
	}
	h.press("f")
	if e.list.Len() != 5 {
		t.Fatalf("all fields again: %d rows", e.list.Len())
	}
	h.press("/")
	h.typeText("SOLUTION_ARCHIVED")
	h.press("enter")
	if e.list.VisibleLen() != 1 {
		t.Fatalf("text filter by event: %d visible rows, want 1", e.list.VisibleLen())
	}
}

func TestEventsTabWarnsNearTheOnboardingLimit(t *testing.T) {
	now := fixedNow()
	var events []eventlog.Event
	for i := range 170 {
		events = append(events, eventlog.Event{
			Key: "k" + strconv.Itoa(i), Received: now.Add(-time.Hour), EntryTime: now.Add(-24 * time.Hour),
			Field: webhook.FieldAccountUpdate, Event: webhook.EventPartnerAdded, Known: true,
			SolutionID: "303610109049230", WABAID: strconv.Itoa(100000 + i), Raw: []byte(`{}`),
		})
	}
	h, _ := logHarness(t, sandbox.Options{WABAs: -1}, events...)
	// On every tab: in the tab bar and the status bar.
	h.wantScreen("Events (170) ⚠ 170/200", "│ ⚠ onboarded 170/200 this week │")
	_, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("⚠ onboarded 170/200 this week (near the limit), 303610109049230: 170")
}

func TestEventsTabWaitsForTheLogAndTailsIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "later", eventlog.FileName)
	h := newHarnessConfig(t, 120, 40, sandbox.Options{WABAs: -1}, func(_ *sandbox.Sandbox, c *Config) {
		c.EventLog = EventLogAt(path)
		c.EventLog.PollEvery = testPollEvery
	})
	_, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("No event log yet at " + path)

	// Another writer (the receiver) creates the log and appends to it.
	l, err := eventlog.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.Append(context.Background(), stamped(guideEvents(t, fixedNow(), "guide_partner_solutions_created.json"), fixedNow()))
	h.tick()
	h.wantScreen("Events (1)", "partner_solutions/SOLUTION_CREATED", "Reading solution 774485461512159 again after its webhook failed")
	if h.app.busy() {
		t.Fatal("the Events tab still says it is loading")
	}
	l.Append(context.Background(), guideEvents(t, fixedNow(), "guide_partner_solutions_pending_deactivation.json"))
	h.tick()
	h.wantScreen("Events (2)", "PENDING_DEACTIVATION")
}

func TestEventsTabReconcileView(t *testing.T) {
	probe := sandbox.New(sandbox.Options{WABAs: 3})
	listed := probe.WABAs()
	reported := eventlog.Event{Key: "a", Received: fixedNow(), Field: webhook.FieldAccountUpdate, Event: webhook.EventPartnerAdded,
		WABAID: listed[0].ID, SolutionID: "1", Raw: []byte(`{}`)}
	stray := reported
	stray.Key, stray.WABAID = "b", "777000777000777"
	h, _ := logHarness(t, sandbox.Options{WABAs: 3}, reported, stray)
	_, pos := h.eventsTab()
	h.press(strconv.Itoa(pos+1), "c")
	h.wantScreen("listed "+strconv.Itoa(len(listed)), "reported by webhooks 2", "in both 1",
		"webhook seen but not listed", "777000777000777", "onboarded but no webhook seen", listed[1].ID)
	h.press("j", "enter") // the first listed-but-unreported WABA
	if _, ok := h.app.activeTab().(*customersTab); !ok {
		t.Fatalf("enter in the reconciliation did not go to the customers:\n%s", h.screen())
	}
}

func TestPendingRequestAgeComesFromWebhooks(t *testing.T) {
	h := newDemoEventsHarness(t)
	id := h.sb.CreateIncomingRequest("Aged request")
	h.tick()
	// Dated 3h before the list was loaded, the webhook is not news; the
	// next load shows the request with the webhook's age.
	h.press("2", "r")
	row := ""
	for _, line := range strings.Split(h.screen(), "\n") {
		if strings.Contains(line, "Aged request") {
			row = line
		}
	}
	if !strings.Contains(row, " 3h ") {
		t.Fatalf("pending request %s: its row does not show the age from its webhook (3h):\n%s", id, h.screen())
	}
}

// A log locked by a writer for a few polls keeps the rows shown and is not
// reported; one that stays locked is.
func TestEventsTabRidesOutABusyLog(t *testing.T) {
	reported := eventlog.Event{Key: "a", Received: fixedNow(), Field: webhook.FieldAccountUpdate, Event: webhook.EventPartnerAdded, WABAID: "102290129340398"}
	h, l := logHarness(t, sandbox.Options{}, reported)
	e, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("102290129340398")

	busy := eventlogtest.BusyError(t, l.Path())
	poll := func() { h.send(eventsPollMsg{Origin: Origin{Tab: TabEvents, Seq: e.seq}, Err: busy}) }
	for range busyPollsTolerated {
		poll()
		if e.load.err != nil {
			t.Fatalf("a passing lock was reported: %v", e.load.err)
		}
		h.wantScreen("102290129340398")
	}
	poll()
	if !eventlog.IsBusy(e.load.err) {
		t.Fatalf("a log locked for %d polls in a row was not reported (load error %v)", busyPollsTolerated+1, e.load.err)
	}
}

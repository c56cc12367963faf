package readmodel

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/graph/webhook"
	"mps/store/eventlog"
)

func TestReconcileTable(t *testing.T) {
	seen := func(id string, removed bool) eventlog.SeenWABA {
		return eventlog.SeenWABA{WABAID: id, SolutionID: "9", Removed: removed}
	}
	w := func(id string) graph.WABA { return graph.WABA{ID: id} }
	got := Reconcile(
		[]eventlog.SeenWABA{seen("10", false), seen("2", false), seen("3", false), seen("4", true), seen("5", true)},
		[]graph.WABA{w("3"), w("5"), w("11"), w("1"), w("1")},
	)
	want := Reconciliation{
		Listed: 4, Reported: 5, Matched: 2,
		NoWebhook:      []graph.WABA{w("1"), w("11")},
		NotListed:      []eventlog.SeenWABA{seen("2", false), seen("10", false)},
		RemovedAndGone: []eventlog.SeenWABA{seen("4", true)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Reconcile:\n got %+v\nwant %+v", got, want)
	}
	if got.Consistent() {
		t.Fatal("differences reported as consistent")
	}
	if !Reconcile(nil, nil).Consistent() || !Reconcile([]eventlog.SeenWABA{seen("1", false)}, []graph.WABA{w("1")}).Consistent() {
		t.Fatal("agreeing sides reported as inconsistent")
	}
}

// TestReconcileOverSandbox onboards customers in the sandbox, delivers their
// webhooks signed to the real receiver, misses one on purpose, adds one the
// API does not know, and reconciles against client_whatsapp_business_accounts.
func TestReconcileOverSandbox(t *testing.T) {
	ctx := context.Background()
	sb, api := sandboxtest.Start(t, sandbox.Options{WABAs: 5})
	l := openLog(t)
	receiver := startReceiver(t, l)

	var mu sync.Mutex
	var deliveries [][]byte
	sb.OnWebhook(func(p []byte) {
		mu.Lock()
		defer mu.Unlock()
		deliveries = append(deliveries, p)
	})
	var active string
	for _, s := range sb.Solutions() {
		if s.Status == graph.StatusActive {
			active = s.ID
			break
		}
	}
	if active == "" {
		t.Fatal("the sandbox has no Active solution")
	}
	var onboarded []graph.WABA
	for range 3 {
		w, err := sb.OnboardCustomer(active)
		if err != nil {
			t.Fatal(err)
		}
		onboarded = append(onboarded, w)
	}
	mu.Lock()
	if len(deliveries) != 3 {
		t.Fatalf("the sandbox emitted %d webhooks for 3 onboardings", len(deliveries))
	}
	missed := onboarded[1]
	for i, p := range deliveries {
		if i == 1 {
			continue // the webhook that never arrived
		}
		if code := deliver(t, receiver.Client(), receiver.URL, p, testSecret); code != http.StatusOK {
			t.Fatalf("delivery %d: status %d", i, code)
		}
	}
	mu.Unlock()
	stray := []byte(`{"object":"whatsapp_business_account","entry":[{"id":"506914307656634","time":1764000000,"changes":[{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"999000111222333","solution_id":"` + active + `"}}}]}]}`)
	if code := deliver(t, receiver.Client(), receiver.URL, stray, testSecret); code != http.StatusOK {
		t.Fatalf("stray delivery: status %d", code)
	}

	client := sandboxtest.Client(t, api.URL)
	listed, err := client.ClientWABAs(ctx, sandbox.DemoBusinessID, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen, err := l.WABAsSeen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := Reconcile(seen, listed)

	if r.Matched != 2 || r.Reported != 3 {
		t.Errorf("matched %d of %d reported; want 2 of 3", r.Matched, r.Reported)
	}
	if len(r.NotListed) != 1 || r.NotListed[0].WABAID != "999000111222333" || r.NotListed[0].SolutionID != active {
		t.Errorf("webhook seen but not listed = %+v, want only the stray WABA", r.NotListed)
	}
	noWebhook := map[string]bool{}
	for _, w := range r.NoWebhook {
		noWebhook[w.ID] = true
	}
	if !noWebhook[missed.ID] {
		t.Errorf("the customer whose webhook was missed (%s) is not in \"onboarded but no webhook seen\"", missed.ID)
	}
	if noWebhook[onboarded[0].ID] || noWebhook[onboarded[2].ID] {
		t.Errorf("customers whose webhooks arrived are listed as missing")
	}
	if want := len(listed) - 2; len(r.NoWebhook) != want {
		t.Errorf("%d without webhook, want every listed WABA but the 2 reported (%d)", len(r.NoWebhook), want)
	}
	if !slices.IsSortedFunc(r.NoWebhook, func(a, b graph.WABA) int { return compareIDs(a.ID, b.ID) }) {
		t.Error("differences not sorted by ID")
	}
}

func TestGaugeLevels(t *testing.T) {
	tests := []struct {
		count int
		want  Level
	}{{0, LevelOK}, {159, LevelOK}, {160, LevelNear}, {199, LevelNear}, {200, LevelAtLimit}, {350, LevelAtLimit}}
	for _, tt := range tests {
		if got := LevelOf(tt.count, OnboardingLimit); got != tt.want {
			t.Errorf("LevelOf(%d) = %v, want %v", tt.count, got, tt.want)
		}
	}
}

func TestReadGaugeCountsTheRollingWeek(t *testing.T) {
	ctx := context.Background()
	l := openLog(t)
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	var events []eventlog.Event
	add := func(n int, solution string, at time.Time) {
		for range n {
			id := len(events) + 1
			events = append(events, eventlog.Event{
				Key: "k" + strconv.Itoa(id), Received: at, EntryTime: at, Field: webhook.FieldAccountUpdate,
				Event: webhook.EventPartnerAdded, SolutionID: solution, WABAID: strconv.Itoa(1000 + id), Raw: []byte(`{}`),
			})
		}
	}
	add(150, "A", now.Add(-24*time.Hour))
	add(15, "B", now.Add(-6*24*time.Hour))
	add(40, "A", now.Add(-8*24*time.Hour)) // a week and a day ago: out of the window
	if _, err := l.Append(ctx, events); err != nil {
		t.Fatal(err)
	}
	g, err := ReadGauge(ctx, l, now)
	if err != nil {
		t.Fatal(err)
	}
	want := Gauge{
		Since: now.Add(-7 * 24 * time.Hour), Limit: 200, Total: 165, Level: LevelNear,
		PerSolution: []SolutionCount{{"A", 150, LevelOK}, {"B", 15, LevelOK}},
	}
	if !reflect.DeepEqual(g, want) {
		t.Fatalf("ReadGauge:\n got %+v\nwant %+v", g, want)
	}
}

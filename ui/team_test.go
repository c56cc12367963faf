package ui

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store/eventlog"
	"mps/store/journal"
	"mps/store/postgres"
	"mps/store/storetest"
)

// team is a team's setup on one machine: one shared store on PostgreSQL
// and one Graph (the sandbox), for several dashboards, each its own mps
// with its own client and its own handles on the store.
type team struct {
	t   testing.TB
	sb  *sandbox.Sandbox
	url string // the sandbox
	db  string // the shared store
}

func newTeam(t testing.TB) *team {
	t.Helper()
	db := storetest.Postgres(t)
	sb, srv := sandboxtest.Start(t, sandbox.Options{})
	return &team{t: t, sb: sb, url: srv.URL, db: db}
}

// dashboardHeader names the dashboard that sent a Graph request, in the
// sandbox's request log.
const dashboardHeader = "X-Mps-Test-Dashboard"

// teammate is one dashboard of the team and its clock.
type teammate struct {
	*liveApp
	journal journal.Journal
	clock   *movingClock
}

// dashboard starts a dashboard named name (its requests carry it) for the
// user user, on the store at store (the team's, or a way to it), at width
// x height. Its Events tab would poll only once an hour: what it shows in
// time came by LISTEN/NOTIFY.
func (tm *team) dashboard(name, user, store string, width, height int) *teammate {
	tm.t.Helper()
	return tm.dashboardWith(name, user, store, tm.journal(store), width, height)
}

// dashboardWith is dashboard on the journal j.
func (tm *team) dashboardWith(name, user, store string, j journal.Journal, width, height int) *teammate {
	tm.t.Helper()
	cfg := sandboxConfig(tm.t, tm.url, j, graph.WithHTTPClient(&http.Client{Transport: namedTransport(name)}))
	clock := &movingClock{}
	clock.set(time.Now())
	cfg.Now = clock.now
	cfg.EventLog = EventLog{Where: postgres.Redact(store), PollEvery: time.Hour,
		Open: func(ctx context.Context) (*eventlog.Log, error) {
			return eventlog.OpenPostgres(ctx, store, postgres.Options{})
		}}
	l := startLive(tm.t, cfg, width, height)
	// The sandbox has one user; the journal names each teammate's own.
	l.on(func(a *App) { a.ctx.actor.User = func(context.Context) (string, error) { return user, nil } })
	return &teammate{liveApp: l, journal: j, clock: clock}
}

// journal opens a handle of its own on the shared journal at store: one
// run of mps, with its own Origin.
func (tm *team) journal(store string) *journal.Store {
	tm.t.Helper()
	j, err := journal.OpenPostgres(context.Background(), store, postgres.Options{})
	if err != nil {
		tm.t.Fatal(err)
	}
	tm.t.Cleanup(func() { j.Close() })
	return j
}

// gets are the GETs of path's end the dashboard name sent.
func (tm *team) gets(name, pathEnd string) int { return tm.sent(name, http.MethodGet, pathEnd) }

// sent are the requests of method to path's end the dashboard name sent.
func (tm *team) sent(name, method, pathEnd string) int {
	n := 0
	for _, r := range tm.sb.Requests() {
		if r.Method == method && strings.HasSuffix(r.Path, pathEnd) && r.Header.Get(dashboardHeader) == name {
			n++
		}
	}
	return n
}

// namedTransport marks each request with the dashboard that sent it.
type namedTransport string

func (n namedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set(dashboardHeader, string(n))
	return http.DefaultTransport.RoundTrip(r)
}

// movingClock is a clock a test moves on; the app reads it concurrently.
type movingClock struct{ at atomic.Int64 }

func (c *movingClock) set(t time.Time)         { c.at.Store(t.UnixNano()) }
func (c *movingClock) now() time.Time          { return time.Unix(0, c.at.Load()) }
func (c *movingClock) advance(d time.Duration) { c.at.Add(int64(d)) }

// An accept in one dashboard shows in the other within moments, as a
// notice naming who did what; the other reads that solution again (one
// GET) and shows it Active, and its History lists the entry. The
// dashboard's own entries make no notice.
func TestTeammatesActionShowsInTheOtherDashboard(t *testing.T) {
	tm := newTeam(t)
	ana := tm.dashboard("ana", "ana@example.com", tm.db, 100, 30)
	bo := tm.dashboard("bo", "bo@example.com", tm.db, 100, 30)
	const name = "Social OVD with Northwind"
	for _, d := range []*teammate{ana, bo} {
		d.press("2")
		d.waitScreen(name)
	}
	// An entry of bo's own mps, as its own actions make: no notice.
	own, err := bo.journal.Begin(context.Background(), journal.Entry{Started: time.Now(), User: "bo@example.com", Action: "accept", ObjectID: "1", ObjectName: "Own marker"})
	if err != nil {
		t.Fatal(err)
	}
	if err := bo.journal.Finish(context.Background(), own, journal.Result{Outcome: journal.Done, StateAfter: "Active", Finished: time.Now()}); err != nil {
		t.Fatal(err)
	}

	// Nothing bo was told in the last seconds keeps the news off its screen.
	bo.clock.advance(noticeHold)
	ana.selectSolution(name)
	id := sandboxID(t, tm.sb, name)
	before := tm.gets("bo", "/"+id)
	ana.press("a")
	ana.waitScreen("Accept solution request?")
	ana.press("y")
	ana.waitScreen("Done: accept solution request")

	want := `ana@example.com accepted "` + name + `": now Active`
	bo.waitScreen(want)
	bo.waitFor(func(a *App) bool {
		s, ok := a.ctx.Solutions.Solution(id)
		return ok && s.State() == graph.StateActive
	}, "bo's copy of the solution to be Active")
	if n := tm.gets("bo", "/"+id) - before; n != 1 {
		t.Errorf("bo read the solution %d times after ana's accept, want once", n)
	}
	for _, n := range bo.shownNotices() {
		if strings.Contains(n, "Own marker") {
			t.Errorf("bo's own entry made a notice: %q", n)
		}
	}
	bo.press("6")
	bo.waitScreen("History (2)", "Social OVD with Northwind", "Pending → Active", "ana@exampl")
}

// A webhook stored by the receiver reaches the Events tab on PostgreSQL
// by LISTEN/NOTIFY: the tab would poll only once an hour.
func TestEventsTabFollowsTheSharedLog(t *testing.T) {
	tm := newTeam(t)
	bo := tm.dashboard("bo", "bo@example.com", tm.db, 100, 30)
	bo.press("5")
	bo.waitScreen("0 events")
	appendEvent(t, tm.db, "key-1", "111222333")
	bo.waitScreen("1 events", "111222333")
	appendEvent(t, tm.db, "key-2", "444555666")
	bo.waitScreen("2 events", "444555666")
}

// appendEvent stores one webhook event in the log at store, as `mps
// webhook serve` does.
func appendEvent(t testing.TB, store, key, wabaID string) {
	t.Helper()
	l, err := eventlog.OpenPostgres(context.Background(), store, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, err = l.Append(context.Background(), []eventlog.Event{{Key: key, Received: time.Now(), Field: "account_update",
		Event: "PARTNER_APP_INSTALLED", WABAID: wabaID, Known: true, Raw: []byte(`{}`)}})
	if err != nil {
		t.Fatal(err)
	}
}

// With the shared store out of reach, the dashboard says so (the host,
// that it tries again), goes on reading Graph, and once the store is back
// it is live again by itself: a teammate's action and a new webhook show.
func TestStoreUnreachableThenBack(t *testing.T) {
	tm := newTeam(t)
	proxy, through := storetest.PostgresProxy(t, tm.db)
	bo := tm.dashboard("bo", "bo@example.com", through, 80, 24)
	bo.press("6")
	bo.waitScreen("No actions yet")

	proxy.Stop()
	bo.press("r")
	host := postgres.Redact(through)
	bo.waitScreen("unreachable, retrying")
	if s := bo.screen(); !strings.Contains(s, "127.0.0.1:") {
		t.Errorf("the screen does not name the store's host (%s):\n%s", host, s)
	}
	lists := tm.gets("bo", "/whatsapp_business_solutions")
	bo.press("1", "r")
	bo.waitFor(func(a *App) bool {
		return !a.ctx.Solutions.Loading() && tm.gets("bo", "/whatsapp_business_solutions") > lists
	}, "the solutions to be read again from Graph")
	bo.press("6")

	bo.clock.advance(noticeHold) // the outage's notice has been read
	tm.storeComesBack(bo, proxy)
	bo.waitScreen(`ana@example.com rejected "After the outage": now Inactive`, "History (1)")
	bo.press("5")
	bo.waitScreen("0 events")
	appendEvent(t, tm.db, "key-after", "777888999")
	bo.waitScreen("1 events", "PARTNER_APP_INSTALLED")
}

// storeComesBack lets the store's connections through again and checks
// that the dashboard says so and stops saying it is unreachable; then ana
// rejects "After the outage", for the caller to see arrive.
func (tm *team) storeComesBack(d *teammate, proxy *storetest.Proxy) {
	tm.t.Helper()
	proxy.Start()
	d.waitScreen("answers again")
	d.clock.advance(noticeHold)
	if s := d.screen(); strings.Contains(s, "unreachable, retrying") {
		tm.t.Errorf("the store answers again, and the status bar still says it does not:\n%s", s)
	}
	tm.anaRejects("After the outage")
}

// anaRejects records, as ana's mps does on the team's store, a reject of
// Lucky Shrub storefront that left it Inactive; name is the entry's name
// for the solution, for the notice to show.
func (tm *team) anaRejects(name string) {
	tm.t.Helper()
	ana := tm.journal(tm.db)
	ctx := context.Background()
	id, err := ana.Begin(ctx, journal.Entry{Started: time.Now(), User: "ana@example.com", Action: "reject",
		ObjectID: sandboxID(tm.t, tm.sb, "Lucky Shrub storefront"), ObjectName: name})
	if err != nil {
		tm.t.Fatal(err)
	}
	if err := ana.Finish(ctx, id, journal.Result{Outcome: journal.Done, StateAfter: "Inactive", Finished: time.Now()}); err != nil {
		tm.t.Fatal(err)
	}
}

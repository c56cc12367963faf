package ui

import (
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
)

// The data of the loading benchmark: issue 6 asks for 150 solutions and
// 10,000 WABAs behind 50 ms on every call. The sandbox seeds solutions of
// its own and generates the rest.
const (
	loadLatency        = 50 * time.Millisecond
	benchSolutionCount = 150
	benchWABACount     = 10_000
)

// BenchmarkFullRefresh loads every tab the way the app does on start-up
// (App.Init, each command run concurrently as the runtime runs it, each
// message fed back through Update) and, in the same iteration, the same
// data with curlLoop, the naive baseline. It checks that mps sends exactly
// the pages the data needs at the largest page size and that both saw the
// same IDs, and reports the wall time against the floor (the longest chain
// of page requests times the latency) and against the baseline.
func BenchmarkFullRefresh(b *testing.B) {
	seeded := len(sandbox.New(sandbox.Options{WABAs: -1}).Solutions())
	// A usage budget no run reaches, so that the sandbox never throttles.
	sb := sandbox.New(sandbox.Options{Latency: loadLatency, Solutions: benchSolutionCount - seeded, WABAs: benchWABACount, UsageBudget: 1 << 30})
	srv := httptest.NewServer(sb)
	b.Cleanup(srv.Close)
	if n := len(sb.Solutions()); n != benchSolutionCount {
		b.Fatalf("the sandbox lists %d solutions, want %d", n, benchSolutionCount)
	}
	// The solution list is read as its two role chains side by side
	// (graph.AppSolutionPages), so it needs a chain of pages per role.
	ownerPages, partnerPages := rolePages(sb)
	solPages, wabaPages := ownerPages+partnerPages, pagesFor(benchWABACount)
	floor := time.Duration(max(ownerPages, partnerPages, wabaPages)) * loadLatency

	var mpsTime, baseTime time.Duration
	var mpsReqs, baseReqs int
	for b.Loop() {
		sb.ResetRequests()
		start := time.Now()
		got := refreshEveryTab(b, srv.URL)
		mpsTime += time.Since(start)
		mpsReqs += len(sb.Requests())
		if n := len(sb.Requests()); n != solPages+wabaPages {
			b.Fatalf("mps sent %d requests; the data needs %d pages of %d", n, solPages+wabaPages, graph.MaxPageSize)
		}

		sb.ResetRequests()
		start = time.Now()
		want := curlLoop(b, srv.URL, graph.DefaultAPIVersion)
		baseTime += time.Since(start)
		baseReqs += len(sb.Requests())

		if len(want) < benchSolutionCount+benchWABACount {
			b.Fatalf("the baseline saw %d IDs, fewer than the %d solutions and WABAs", len(want), benchSolutionCount+benchWABACount)
		}
		if !slices.Equal(got, want) {
			b.Fatalf("mps and the baseline saw different IDs: %d against %d", len(got), len(want))
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(mpsReqs)/n, "requests/op")
	b.ReportMetric(float64(solPages+wabaPages), "pages-needed")
	b.ReportMetric(float64(baseReqs)/n, "baseline-requests/op")
	b.ReportMetric(float64(mpsTime.Milliseconds())/n, "mps-ms/op")
	b.ReportMetric(float64(floor.Milliseconds()), "floor-ms")
	b.ReportMetric(float64(baseTime.Milliseconds())/n, "baseline-ms/op")
	b.ReportMetric(float64(mpsTime)/n/float64(floor), "ratio-to-floor")
	b.ReportMetric(float64(baseTime)/float64(mpsTime), "speedup-vs-baseline")
}

// pagesFor is how many requests a list of n items needs at the largest
// page size; an empty list still takes one.
func pagesFor(n int) int { return max(1, (n+graph.MaxPageSize-1)/graph.MaxPageSize) }

// rolePages are the pages of the solution list's role=OWNER and
// role=PARTNER chains for the sandbox's solutions.
func rolePages(sb *sandbox.Sandbox) (owner, partner int) {
	n := map[graph.Role]int{}
	for _, s := range sb.Solutions() {
		n[graph.RoleOf(&s, sandbox.DemoAppID)]++
	}
	return pagesFor(n[graph.RoleOwner]), pagesFor(n[graph.RolePartner])
}

// refreshEveryTab starts a fresh app on the sandbox at base and runs its
// Init until no command is left; it returns the sorted IDs of the
// solutions, their partner rows and the WABAs the tabs received.
func refreshEveryTab(b *testing.B, base string) []string {
	b.Helper()
	client := sandboxtest.Client(b, base)
	app := NewApp(Config{Client: client, AppID: sandbox.DemoAppID, BusinessID: sandbox.DemoBusinessID,
		PartnerBusinessIDs: sandbox.DemoPartnerBusinessIDs(), Now: time.Now, NoColor: true})
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})

	var ids []string
	results := make(chan tea.Msg)
	pending := 0
	launch := func(cmd tea.Cmd) {
		if cmd != nil {
			pending++
			go func() { results <- cmd() }()
		}
	}
	launch(app.Init())
	for ; pending > 0; pending-- {
		switch msg := (<-results).(type) {
		case tea.BatchMsg:
			for _, cmd := range msg {
				launch(cmd)
			}
		case nil, spinner.TickMsg, clockTickMsg:
			// Timers only animate; the load is over when the IO is.
		default:
			if page, ok := msg.(pageMsg[graph.WABA]); ok {
				for _, w := range page.Items {
					ids = append(ids, w.ID)
				}
			}
			_, next := app.Update(msg)
			launch(next)
		}
	}
	if app.busy() {
		b.Fatal("the app still says it is loading after every command ended")
	}
	for _, t := range app.tabs {
		switch t := t.(type) {
		case *solutionsTab:
			ids = append(ids, solutionIDs(t.list())...)
		case *customersTab:
			if t.loaded() != t.wabas.Len() || t.data.load.err != nil {
				b.Fatalf("the Customers tab holds %d rows after loading %d (error: %v)", t.wabas.Len(), t.loaded(), t.data.load.err)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// solutionIDs are the IDs of the solutions and of their partner rows.
func solutionIDs(list []graph.Solution) []string {
	var ids []string
	for _, s := range list {
		ids = append(ids, s.ID)
		for _, p := range s.Partners {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

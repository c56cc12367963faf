package ui

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"mps/store/journal"
	"mps/store/postgres"
	"mps/store/storetest"
)

// A dashboard that starts while the shared store is down shows Graph's
// data and says the store is unreachable; an action sends nothing, since
// the journal cannot record it. Once the store is back the dashboard says
// so by itself, and History, a teammate's action and the action work,
// with no restart.
func TestDashboardStartsWithTheStoreDownAndGoesLiveWhenItIsBack(t *testing.T) {
	tm := newTeam(t)
	proxy, through := storetest.PostgresProxy(t, tm.db)
	proxy.Stop()
	j, err := journal.OpenPostgresReconnecting(context.Background(), through, postgres.Options{})
	if err != nil {
		t.Fatalf("the journal with its server down: %v; want one that opens later", err)
	}
	t.Cleanup(func() { j.Close() })
	bo := tm.dashboardWith("bo", "bo@example.com", through, j, 100, 30)
	const name = "Social OVD with Northwind"
	bo.press("2")
	bo.waitScreen(name, "unreachable, retrying")
	if s := bo.screen(); !strings.Contains(s, "127.0.0.1:") {
		t.Errorf("the screen does not name the store's host:\n%s", s)
	}

	id := sandboxID(t, tm.sb, name)
	bo.selectSolution(name)
	bo.press("a")
	bo.waitScreen("Accept solution request?")
	bo.press("y")
	bo.waitScreen("nothing was sent")
	bo.waitFor(func(a *App) bool {
		return strings.Contains(a.notice, "nothing was sent: the journal cannot record it while the shared store at 127.0.0.1:")
	}, "the notice to say the journal cannot record the action")
	if n := tm.sent("bo", http.MethodPost, "/"+id+"/accept"); n != 0 {
		t.Fatalf("an action was sent %d times though the journal could not record it", n)
	}

	bo.clock.advance(noticeHold) // the failure's notice has been read
	tm.storeComesBack(bo, proxy)
	bo.waitScreen(`ana@example.com rejected "After the outage": now Inactive`)

	bo.clock.advance(noticeHold)
	bo.selectSolution(name)
	bo.press("a")
	bo.waitScreen("Accept solution request?")
	bo.press("y")
	bo.waitScreen("Done: accept solution request")
	bo.press("6")
	bo.waitScreen("History (2)", "Pending → Active", "bo@example")
}

// An idle dashboard shows the store going away as soon as the connection
// that follows it is cut, though it reads nothing, and its coming back:
// then it reads again what it may have missed.
func TestIdleDashboardSeesTheStoreGoAndComeBack(t *testing.T) {
	tm := newTeam(t)
	proxy, through := storetest.PostgresProxy(t, tm.db)
	bo := tm.dashboardWith("bo", "bo@example.com", through, tm.journal(through), 80, 24)
	bo.press("6")
	bo.waitScreen("No actions yet")
	// Nothing reads the store from now on: the Events tab follows too.
	bo.waitFor(func(a *App) bool {
		e := eventsTabOf(a)
		return a.feed.ch != nil && e.follow.ch != nil && !e.polling
	}, "the journal and the event log to be followed")

	down := bo.watch("unreachable, retrying")
	cut := time.Now()
	proxy.Stop()
	t.Logf("the outage showed %v after the cut", bo.seenAt(down, "the outage").Sub(cut))
	if s := bo.screen(); !strings.Contains(s, "127.0.0.1:") {
		t.Errorf("the screen does not name the store's host:\n%s", s)
	}

	// A teammate's action while this dashboard's connection is away.
	tm.anaRejects("During the outage")
	bo.clock.advance(noticeHold) // the outage's notice has been read
	proxy.Start()
	bo.waitScreen("answers again", "History (1)", "During the outage")
}

func eventsTabOf(a *App) *eventsTab {
	for _, t := range a.tabs {
		if e, ok := t.(*eventsTab); ok {
			return e
		}
	}
	return nil
}

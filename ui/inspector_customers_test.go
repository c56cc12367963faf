package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/eventlog"
)

// onboardedEvent is the guide's PARTNER_ADDED (or the notes' PARTNER_REMOVED)
// retold for one WABA and solution at a time.
func onboardedEvent(t *testing.T, file, wabaID, solutionID string, at time.Time) eventlog.Event {
	t.Helper()
	e := stamped(guideEvents(t, fixedNow(), file), at)[0]
	e.Key = file + wabaID + at.String()
	e.WABAID, e.SolutionID = wabaID, solutionID
	return e
}

func addedEvent(t *testing.T, wabaID, solutionID string, at time.Time) eventlog.Event {
	return onboardedEvent(t, "guide_account_update_partner_added.json", wabaID, solutionID, at)
}

func removedEvent(t *testing.T, wabaID string, at time.Time) eventlog.Event {
	return onboardedEvent(t, "notes_account_update_partner_removed.json", wabaID, "", at)
}

// customersHarness has an event log at a path (written before the app
// starts, as `mps webhook serve` would) that the inspector reads.
func customersHarness(t *testing.T, events func(sb *sandbox.Sandbox) []eventlog.Event) *harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), eventlog.FileName)
	return newHarnessConfig(t, 120, 40, sandbox.Options{WABAs: 6}, func(sb *sandbox.Sandbox, c *Config) {
		l, err := eventlog.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		if _, err := l.Append(context.Background(), events(sb)); err != nil {
			t.Fatal(err)
		}
		c.EventLog = EventLogAt(path)
	})
}

func activeSolutions(sb *sandbox.Sandbox) []graph.Solution {
	var out []graph.Solution
	for _, s := range sb.Solutions() {
		if s.Status == graph.StatusActive && s.Name != "" {
			out = append(out, s)
		}
	}
	return out
}

// inspectorSection is the inspector's customers section, stripped, from its
// heading on.
func inspectorSection(h *harness) []string {
	h.t.Helper()
	if h.app.inspector == nil {
		h.t.Fatal("no inspector")
	}
	body := strings.Split(stripped(strings.Join(h.app.inspector.body(120), "\n")), "\n")
	for i, line := range body {
		if strings.HasPrefix(line, "Customers onboarded through it") {
			return body[i:]
		}
	}
	h.t.Fatalf("the inspector has no customers section:\n%s", strings.Join(body, "\n"))
	return nil
}

func TestInspectorListsTheCustomersWebhooksReportedNewestFirst(t *testing.T) {
	now := fixedNow()
	var sol graph.Solution
	var wabas []graph.WABA
	const stray = "880000000000001" // reported, never listed by the API
	h := customersHarness(t, func(sb *sandbox.Sandbox) []eventlog.Event {
		sol, wabas = activeSolutions(sb)[0], sb.WABAs()
		other := activeSolutions(sb)[1]
		return []eventlog.Event{
			addedEvent(t, wabas[0].ID, sol.ID, now.Add(-3*24*time.Hour)),
			addedEvent(t, wabas[1].ID, sol.ID, now.Add(-10*time.Minute)),
			addedEvent(t, stray, sol.ID, now.Add(-5*time.Hour)),
			addedEvent(t, wabas[2].ID, other.ID, now.Add(-time.Hour)), // another solution's
			// Removed but still listed: still onboarded, as reconcile counts it.
			addedEvent(t, wabas[3].ID, sol.ID, now.Add(-6*24*time.Hour)),
			removedEvent(t, wabas[3].ID, now.Add(-5*24*time.Hour)),
			// Removed and not listed: gone.
			addedEvent(t, "880000000000002", sol.ID, now.Add(-2*time.Hour)),
			removedEvent(t, "880000000000002", now.Add(-time.Hour)),
		}
	})
	h.selectRow(sol.Name)
	h.press("enter")
	got := inspectorSection(h)
	want := []string{
		"Customers onboarded through it (4)",
		"  WABA ID          reported  name",
		"  " + wabas[1].ID + "  10m ago   " + wabas[1].Name,
		"  " + stray + "  5h ago    —",
		"  " + wabas[0].ID + "  3d ago    " + wabas[0].Name,
		"  " + wabas[3].ID + "  6d ago    " + wabas[3].Name,
	}
	if len(got) < len(want) {
		t.Fatalf("section = %q, want %q", got, want)
	}
	for i := range want {
		if strings.TrimRight(got[i], " ") != want[i] {
			t.Errorf("line %d = %q, want %q", i, got[i], want[i])
		}
	}
	if extra := strings.Join(got[len(want):], "\n"); strings.TrimSpace(extra) != "" {
		t.Errorf("lines after the list: %q", extra)
	}
}

func TestInspectorSaysWhereCustomersComeFromWithoutALog(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none", eventlog.FileName)
	for name, log := range map[string]EventLog{
		"no log configured":   {},
		"log not written yet": EventLogAt(missing),
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarnessAdjusted(t, 120, 40, func(c *Config) { c.EventLog = log })
			h.selectRow(activeSolutions(h.sb)[0].Name)
			h.press("enter")
			got := strings.Join(inspectorSection(h), "\n")
			if !strings.Contains(got, "Known only from PARTNER_ADDED webhooks: run `mps webhook serve`") {
				t.Errorf("section without a log = %q", got)
			}
		})
	}
}

// An answer for a solution the inspector no longer shows is dropped: here
// the read for the first solution lands after the second was opened.
func TestInspectorDropsAStaleCustomersAnswer(t *testing.T) {
	now := fixedNow()
	var first, second graph.Solution
	var wabas []graph.WABA
	h := customersHarness(t, func(sb *sandbox.Sandbox) []eventlog.Event {
		first, second, wabas = activeSolutions(sb)[0], activeSolutions(sb)[1], sb.WABAs()
		return []eventlog.Event{addedEvent(t, wabas[0].ID, first.ID, now.Add(-time.Hour))}
	})
	_, slow := h.app.Update(inspectMsg{Solution: first})
	_, current := h.app.Update(inspectMsg{Solution: second})
	h.run(slow)
	if got := strings.Join(inspectorSection(h), "\n"); !strings.Contains(got, "reading the webhook event log…") {
		t.Fatalf("after the first solution's late answer the second's section reads %q, want it still loading", got)
	}
	h.run(current)
	got := strings.Join(inspectorSection(h), "\n")
	if h.app.inspector.sol.ID != second.ID || !strings.Contains(got, "(0)") || strings.Contains(got, wabas[0].ID) {
		t.Errorf("inspector on %s shows %q", h.app.inspector.sol.ID, got)
	}
	// Closed, the inspector takes nothing.
	_, slow = h.app.Update(inspectMsg{Solution: first})
	h.press("esc")
	h.run(slow)
	if h.app.inspector != nil {
		t.Error("a late answer reopened the inspector")
	}
}

func TestInspectorScrollsThroughTwoHundredCustomers(t *testing.T) {
	now := fixedNow()
	var sol graph.Solution
	var wabas []graph.WABA
	h := newHarnessConfig(t, 80, 24, sandbox.Options{WABAs: 200}, func(sb *sandbox.Sandbox, c *Config) {
		path := filepath.Join(t.TempDir(), eventlog.FileName)
		l, err := eventlog.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		sol, wabas = activeSolutions(sb)[0], sb.WABAs()
		var events []eventlog.Event
		for i, w := range wabas {
			events = append(events, addedEvent(t, w.ID, sol.ID, now.Add(-time.Duration(i+1)*time.Minute)))
		}
		if _, err := l.Append(context.Background(), events); err != nil {
			t.Fatal(err)
		}
		c.EventLog = EventLogAt(path)
	})
	if len(wabas) != 200 {
		t.Fatalf("the sandbox has %d WABAs, want 200", len(wabas))
	}
	h.selectRow(sol.Name)
	h.press("enter")
	if got := inspectorSection(h)[0]; got != "Customers onboarded through it (200)" {
		t.Fatalf("heading %q", got)
	}
	h.wantScreen("more lines (j, pgdn, G)")
	h.press("G")
	oldest := wabas[len(wabas)-1]
	h.wantScreen(oldest.ID+"  3h ago", oldest.Name) // 200 minutes
	h.press("k")
	if strings.Contains(h.screen(), oldest.ID) {
		t.Errorf("k did not scroll up from the end:\n%s", h.screen())
	}
}

// The inspector's customers read runs under a context that ends when the
// inspector closes, moves to another solution or reads again, so that
// SQLite stops reading for a view that is gone. The read is the real one on
// a real log; the test watches the context the command hands it.
func TestLeavingTheInspectorCancelsItsCustomersRead(t *testing.T) {
	for name, leave := range map[string]func(h *harness, other graph.Solution){
		"esc":              func(h *harness, _ graph.Solution) { h.app.Update(keyMsg("esc")) },
		"tab":              func(h *harness, _ graph.Solution) { h.app.Update(keyMsg("tab")) },
		"another solution": func(h *harness, other graph.Solution) { h.app.Update(inspectMsg{Solution: other}) },
		"r":                func(h *harness, _ graph.Solution) { h.app.Update(keyMsg("r")) },
	} {
		t.Run(name, func(t *testing.T) {
			started := make(chan context.Context, 4)
			var sols []graph.Solution
			h := customersHarness(t, func(sb *sandbox.Sandbox) []eventlog.Event {
				sols = activeSolutions(sb)
				return []eventlog.Event{addedEvent(t, sb.WABAs()[0].ID, sols[0].ID, fixedNow().Add(-time.Hour))}
			})
			real := h.app.ctx.seenWABAs
			h.app.ctx.seenWABAs = func(ctx context.Context) ([]eventlog.SeenWABA, error) {
				started <- ctx
				return real(ctx)
			}
			_, cmd := h.app.Update(inspectMsg{Solution: sols[0]})
			answers := runDetached(cmd)
			ctx := awaitStart(t, started, "the customers read")
			if ctx.Err() != nil {
				t.Fatalf("the read's context ended before the inspector was left: %v", ctx.Err())
			}
			leave(h, sols[1])
			if !errors.Is(ctx.Err(), context.Canceled) {
				t.Fatalf("after %s the read's context is %v, want it cancelled", name, ctx.Err())
			}
			for _, msg := range <-answers {
				h.app.Update(msg)
			}
			if in := h.app.inspector; in != nil && in.sol.ID == sols[0].ID && !in.onboarded.loading {
				t.Errorf("the cancelled read's answer was taken: %+v", in.onboarded)
			}
		})
	}
}

// A read that fails ends "reading…": the section says what went wrong and
// the app is no longer busy.
func TestInspectorStopsReadingWhenTheCustomersReadFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), eventlog.FileName)
	if err := os.WriteFile(path, []byte("not an SQLite database, but long enough to be read as one"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarnessAdjusted(t, 120, 40, func(c *Config) {
		c.EventLog = EventLogAt(path)
	})
	h.selectRow(activeSolutions(h.sb)[0].Name)
	h.press("enter")
	got := strings.Join(inspectorSection(h), "\n")
	if strings.Contains(got, "reading") || !strings.Contains(got, "Reading the event log") {
		t.Errorf("after a failed read the section is %q", got)
	}
	if h.app.busy() {
		t.Error("the app is still busy after the read failed")
	}
}

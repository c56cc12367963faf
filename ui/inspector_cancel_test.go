package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store/eventlog"
)

// runDetached runs cmd and what it batches, off the test goroutine and
// without routing the messages to the app, which the test goroutine keeps.
func runDetached(cmd tea.Cmd) <-chan []tea.Msg {
	out := make(chan []tea.Msg, 1)
	go func() {
		var msgs []tea.Msg
		var run func(tea.Cmd)
		run = func(c tea.Cmd) {
			if c == nil {
				return
			}
			switch msg := c().(type) {
			case tea.BatchMsg:
				for _, c := range msg {
					run(c)
				}
			case nil:
			default:
				msgs = append(msgs, msg)
			}
		}
		run(cmd)
		out <- msgs
	}()
	return out
}

// awaitStart is the context of a read that a test's hook saw start.
func awaitStart(t *testing.T, started <-chan context.Context, what string) context.Context {
	t.Helper()
	select {
	case ctx := <-started:
		return ctx
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not start", what)
	}
	return nil
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
	h := newHarnessConfig(t, 120, 40, sandbox.Options{}, func(_ *sandbox.Sandbox, c *Config) {
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

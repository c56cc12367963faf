package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

// testClock is the app's and the client's clock at once, moved by the test;
// waits end at once, so retries cost nothing.
type testClock struct{ now *time.Time }

func (c testClock) Now() time.Time { return *c.now }
func (c testClock) After(time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	ch <- *c.now
	return ch
}

// throttleHarness is the app on a sandbox that never sends usage headers by
// itself, with one clock for the app and the client and the client's
// default retry policy.
func throttleHarness(t *testing.T) (*harness, *time.Time) {
	t.Helper()
	now := fixedNow()
	clock := testClock{&now}
	h := newHarnessConfig(t, 160, 30, sandbox.Options{UsageBudget: 1 << 30}, func(_ *sandbox.Sandbox, cfg *Config) {
		client, err := graph.New(
			graph.WithBaseURL(cfg.Client.BaseURL()),
			graph.WithTokenSource(func(context.Context) (string, error) { return sandbox.DemoToken, nil }),
			graph.WithClock(clock),
		)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Client, cfg.Now = client, clock.Now
	})
	return h, &now
}

// statusLine is the status bar as drawn, the line naming the profile.
func (h *harness) statusLine() string {
	for _, line := range strings.Split(h.screen(), "\n") {
		if strings.Contains(line, "profile test") {
			return line
		}
	}
	h.t.Fatalf("no status bar on the screen:\n%s", h.screen())
	return ""
}

// A throttle without a stated wait (code 4 with X-App-Usage at 100%, or
// 80008 without estimated_time_to_regain_access) stays on the status bar
// with its wait, even after other calls answer without usage headers.
func TestThrottleStaysOnTheStatusBarWithItsWait(t *testing.T) {
	for _, kind := range []sandbox.FaultKind{sandbox.FaultThrottleAppLevel, sandbox.FaultThrottleBUC} {
		t.Run(kind.String(), func(t *testing.T) {
			h, now := throttleHarness(t)
			if line := h.statusLine(); !strings.Contains(line, "usage low") {
				t.Fatalf("before the throttle: %q", line)
			}
			h.sb.AddFault(sandbox.Fault{Kind: kind, PathContains: "/whatsapp_business_solutions"})
			// The tab's own reload would resume after the wait, on a real
			// timer the harness waits for: load the list as it does, then
			// let the app draw.
			_, err := h.app.ctx.Client.AppSolutions(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{})
			if graph.ClassOf(err) != graph.ClassThrottled {
				t.Fatalf("the fault did not throttle: %v", err)
			}
			h.send(clockTickMsg{})
			wantThrottle := "throttled, " + graph.ThrottleFallback.String() + " left"
			if line := h.statusLine(); !strings.Contains(line, wantThrottle) {
				t.Fatalf("after the throttle: %q, want %q", line, wantThrottle)
			}
			*now = now.Add(10 * time.Second)
			// Another call answers, without usage headers, which once read as "usage low".
			if _, err := h.app.ctx.Client.Solution(context.Background(), h.sb.Solutions()[0].ID); err != nil {
				t.Fatal(err)
			}
			h.send(clockTickMsg{})
			wantThrottle = "throttled, " + (graph.ThrottleFallback - 10*time.Second).String() + " left"
			if line := h.statusLine(); !strings.Contains(line, wantThrottle) || strings.Contains(line, "usage low") {
				t.Fatalf("10s later: %q, want %q", line, wantThrottle)
			}
			h.sb.ClearFaults()
			*now = now.Add(graph.ThrottleFallback)
			h.press("r")
			if line := h.statusLine(); !strings.Contains(line, "usage low") {
				t.Fatalf("once Graph allows calls again: %q", line)
			}
		})
	}
}

// An action POST that Graph throttles is not resent, and the status bar
// shows the throttle Graph stated rather than "usage low".
func TestThrottledActionShowsOnTheStatusBar(t *testing.T) {
	h, _ := throttleHarness(t)
	h.press("2")
	h.selectRow("Social OVD with Northwind")
	h.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultThrottleBUC, Method: "POST", RegainMinutes: 2})
	h.press("a")
	h.press("y")
	if n := len(h.posts()); n != 1 {
		t.Fatalf("%d POSTs for one confirmed accept", n)
	}
	if line := h.statusLine(); !strings.Contains(line, "throttled, 2m0s left") {
		t.Fatalf("after a throttled accept the status bar reads %q, want the throttle and its wait", line)
	}
}

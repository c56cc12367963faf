package e2e

import (
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

func appThrottle(times int) sandbox.Fault {
	return sandbox.Fault{Kind: sandbox.FaultThrottleAppLevel, Method: http.MethodGet, PathContains: solutionsPath, Param: ownerChain, Times: times}
}

// countdown reads the status bar's "throttled, 1m2s left" as a duration.
func countdown(screen string) (time.Duration, bool) {
	m := regexp.MustCompile(`throttled, (\S+) left`).FindStringSubmatch(screen)
	if m == nil {
		return 0, false
	}
	d, err := time.ParseDuration(m[1])
	return d, err == nil
}

// Code 4 over HTTP 403 (app-level rate limit, no wait stated): commands
// retry within the policy and then say to wait; nothing storms.
func TestAppThrottleCommand(t *testing.T) {
	t.Parallel()
	maxAttempts := graph.DefaultRetryPolicy().MaxAttempts
	t.Run("passes", func(t *testing.T) {
		w := parallelWorld(t)
		w.fault(appThrottle(2))
		res := w.run("solutions", "--json")
		if res.code != 0 {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		if got, want := len(listIDs(t, res)), seededSolutions(t); got != want {
			t.Errorf("listed %d solutions, want %d", got, want)
		}
		w.expectListReads(3, "two throttled, then the answer")
	})
	t.Run("persists", func(t *testing.T) {
		w := parallelWorld(t)
		w.fault(appThrottle(0))
		res := w.run("solutions", "--json")
		if res.code != 1 {
			t.Errorf("exit %d, want 1", res.code)
		}
		// Waits of a second or more were announced on lines of their own.
		lines := strings.SplitAfter(res.stderr, "\n")
		for len(lines) > 1 && strings.Contains(lines[0], "before trying again") {
			lines = lines[1:]
		}
		res.stderr = strings.Join(lines, "")
		expectOneErrorLine(t, res, "limiting calls", "wait a few minutes")
		w.expectListReads(maxAttempts, "the policy's attempts and no more")
	})
}

// A throttled action POST is never retried: it might have been counted.
func TestThrottledActionNotRetried(t *testing.T) {
	w := parallelWorld(t)
	w.fault(sandbox.Fault{Kind: sandbox.FaultThrottleAppLevel, Method: http.MethodPost})
	res := w.run("accept", pendingForUs, "--yes")
	if res.code != 1 {
		t.Errorf("exit %d, want 1", res.code)
	}
	expectOneErrorLine(t, res, "limiting calls")
	if n := len(w.calls(http.MethodPost, "")); n != 1 {
		t.Errorf("%d POSTs, want exactly 1", n)
	}
	if got := solutionStatus(t, w.sandbox, pendingForUs); got != graph.StatusInitiated {
		t.Errorf("the solution is %s, want it still INITIATED", got)
	}
}

// The dashboard, throttled with code 4 until the limit lifts: it says so,
// counts down in the status bar, and loads again by itself once allowed,
// without a storm of calls.
func TestAppThrottleDashboardResumes(t *testing.T) {
	w := parallelWorld(t)
	maxAttempts := graph.DefaultRetryPolicy().MaxAttempts
	w.fault(appThrottle(0))
	s := w.startDashboard()
	screen := s.waitFor("Graph is limiting calls for this app", "throttled, ")
	left, ok := countdown(screen)
	if !ok || left <= 0 || left > graph.ThrottleFallback {
		t.Errorf("the status bar shows no countdown of up to %s:\n%s", graph.ThrottleFallback, screen)
	}
	w.expectListReads(maxAttempts, "the policy's attempts before giving up")
	w.sandbox.ClearFaults() // the limit lifts while the countdown runs
	time.Sleep(left)        // the reload waits the countdown out
	s.waitFor("Solutions (13)", "Social OVD with Nort")
	w.expectListReads(maxAttempts+1, "one reload once allowed")
	s.quit(quitBound)
}

// Code 80008 with estimated_time_to_regain_access: the dashboard shows the
// wait Graph stated and counts it down, sends nothing meanwhile, and q
// still quits at once.
func TestBusinessThrottleDashboardWaits(t *testing.T) {
	w := parallelWorld(t)
	w.fault(sandbox.Fault{Kind: sandbox.FaultThrottleBUC, Method: http.MethodGet, PathContains: solutionsPath, Param: ownerChain, Times: 1, RegainMinutes: 1})
	s := w.startDashboard()
	screen := s.waitFor("throttled, ")
	first, ok := countdown(screen)
	if !ok || first <= 50*time.Second || first > time.Minute {
		t.Fatalf("the countdown shows %v, want about the minute Graph stated:\n%s", first, screen)
	}
	s.waitUntil("the countdown to go down", func(screen string) bool {
		d, ok := countdown(screen)
		return ok && d < first
	})
	w.expectListReads(1, "nothing more while throttled")
	if screen := s.text(); strings.Contains(screen, "Social OVD with Nort") || strings.Contains(screen, "before trying again") {
		t.Errorf("rows appeared although the only read was throttled, or the commands' stderr notice wrote over the dashboard:\n%s", screen)
	}
	s.quit(quitBound)
}

// A command throttled with 80008 says how long Graph asked it to wait,
// sends nothing meanwhile, and stops at once on Ctrl-C.
func TestBusinessThrottleCommandSaysItWaits(t *testing.T) {
	w := parallelWorld(t)
	w.fault(sandbox.Fault{Kind: sandbox.FaultThrottleBUC, Method: http.MethodGet, PathContains: solutionsPath, Param: ownerChain, Times: 1, RegainMinutes: 1})
	p := w.start("solutions", "--json")
	p.waitStderr("waiting 1m0s before trying again")
	w.expectListReads(1, "nothing more while throttled")
	res := p.interrupt(quitBound)
	if res.code == 0 || res.stdout != "" {
		t.Errorf("interrupted while waiting: exit %d, stdout %q; want a failure and no output", res.code, res.stdout)
	}
	if !strings.Contains(res.stderr, "stopped waiting") {
		t.Errorf("stderr does not say the wait was stopped:\n%s", res.stderr)
	}
	w.expectListReads(1, "nothing more after Ctrl-C")
}

// longEnv switches on the tests that wait out Graph's shortest stated
// throttle (a minute), which the regular run leaves out to stay fast.
const longEnv = "MPS_E2E_LONG"

// After the minute 80008 asked for, the command and the dashboard read
// again by themselves, once, and the list loads.
func TestBusinessThrottleResumesAfterRegain(t *testing.T) {
	if os.Getenv(longEnv) == "" {
		t.Skip("waits out a one-minute throttle; run with " + longEnv + "=1")
	}
	t.Parallel()
	buc := sandbox.Fault{Kind: sandbox.FaultThrottleBUC, Method: http.MethodGet, PathContains: solutionsPath, Param: ownerChain, Times: 1, RegainMinutes: 1}
	t.Run("command", func(t *testing.T) {
		w := parallelWorld(t)
		w.fault(buc)
		started := time.Now()
		res := w.start("solutions", "--json").wait(90 * time.Second)
		if got, want := len(listIDs(t, res)), seededSolutions(t); res.code != 0 || got != want {
			t.Errorf("exit %d with %d solutions, want 0 with %d; stderr: %s", res.code, got, want, res.stderr)
		}
		if time.Since(started) < 55*time.Second || !strings.Contains(res.stderr, "waiting 1m0s") {
			t.Errorf("took %v, stderr %q: want the stated minute waited and said", time.Since(started), res.stderr)
		}
		w.expectListReads(2, "one throttled, one after the wait")
	})
	t.Run("dashboard", func(t *testing.T) {
		w := parallelWorld(t)
		w.fault(buc)
		s := w.startDashboard()
		s.waitFor("throttled, ")
		deadline := time.Now().Add(75 * time.Second)
		for !strings.Contains(s.text(), "Social OVD with Nort") {
			if time.Now().After(deadline) {
				t.Fatalf("the list did not load after the wait:\n%s", s.text())
			}
			s.alive()
			time.Sleep(250 * time.Millisecond)
		}
		w.expectListReads(2, "one throttled, one after the wait")
		if strings.Contains(s.text(), "throttled, ") {
			t.Errorf("the countdown outlived the wait:\n%s", s.text())
		}
	})
}

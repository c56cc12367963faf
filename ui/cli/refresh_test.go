package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/store"
	"mps/ui"
)

// dashboardWithRefreshEnv is a harness on a terminal with MPS_REFRESH set
// to env, unless env is empty.
func dashboardWithRefreshEnv(t *testing.T, env string) *harness {
	t.Helper()
	h := newHarness(t, sandbox.Options{})
	h.terminal = true
	if env != "" {
		h.env[store.EnvRefresh] = env
	}
	return h
}

func TestRefreshIntervalReachesTheDashboard(t *testing.T) {
	cases := []struct {
		name string
		env  string
		args []string
		want time.Duration
	}{
		{"default", "", nil, 5 * time.Minute},
		{"flag", "", []string{"--refresh", "30s"}, 30 * time.Second},
		{"flag=", "", []string{"--refresh=2m"}, 2 * time.Minute},
		{"env", "90s", nil, 90 * time.Second},
		{"flag beats env", "10m", []string{"--refresh", "45s"}, 45 * time.Second},
		{"zero", "", []string{"--refresh", "0"}, 0},
		{"off", "", []string{"--refresh", "off"}, 0},
		{"env off", "off", nil, 0},
		{"demo", "", []string{"--demo", "--refresh", "30s"}, 30 * time.Second},
		{"demo default", "", []string{"--demo"}, 5 * time.Minute},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := dashboardWithRefreshEnv(t, c.env)
			got := time.Duration(-1)
			h.tui = func(_ context.Context, cfg ui.Config) error { got = cfg.Refresh; return nil }
			h.mustRun(c.args...)
			if got != c.want {
				t.Fatalf("mps %v (MPS_REFRESH=%q): the dashboard got %v, want %v", c.args, c.env, got, c.want)
			}
		})
	}
}

func TestBadRefreshIsAUsageErrorNamingItsSource(t *testing.T) {
	cases := []struct {
		name string
		env  string
		args []string
		want []string
	}{
		{"too often", "", []string{"--refresh", "10s"}, []string{"--refresh", "minimum of 30s", "Graph's rate limits"}},
		{"env too often", "10s", nil, []string{"MPS_REFRESH", "minimum of 30s", "Graph's rate limits"}},
		{"demo too often", "", []string{"--demo", "--refresh", "10s"}, []string{"--refresh", "minimum of 30s"}},
		{"garbage", "", []string{"--refresh", "sometimes"}, []string{"--refresh", `"sometimes"`, "not a duration", "0 or off"}},
		{"env garbage", "5 minutes", nil, []string{"MPS_REFRESH", `"5 minutes"`, "not a duration"}},
		{"negative", "", []string{"--refresh=-1m"}, []string{"--refresh", "negative"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := dashboardWithRefreshEnv(t, c.env)
			started := false
			h.tui = func(context.Context, ui.Config) error { started = true; return nil }
			r := h.run(c.args...)
			wantExit(t, r, ExitUsage, c.args...)
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if started {
				t.Error("the dashboard started with a bad interval")
			}
		})
	}
}

func TestBadRefreshEnvDoesNotBreakScripts(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.env[store.EnvRefresh] = "10s"
	h.mustRun("solutions", "--json")
}

func TestRefreshFlagInHelp(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	r := h.run("--help")
	for _, w := range []string{"--refresh DURATION", "MPS_REFRESH", "default 5m", "at least 30s"} {
		if !strings.Contains(r.stdout+r.stderr, w) {
			t.Errorf("help lacks %q:\n%s", w, r.stdout)
		}
	}
}

package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox/sandboxtest"
	"mps/store"
	"mps/ui"
)

// A Graph URL copied with its version works, by flag, environment or profile,
// and the requests carry the version once.
func TestGraphURLEndingInTheVersionIsAccepted(t *testing.T) {
	h := seededHarness(t)
	base := h.url
	h.env[store.EnvGraphURL] = base + "/v25.0"
	h.mustRun("solutions")
	h.mustRun("--graph-url", base+"/v25.0/", "solutions")
	delete(h.env, store.EnvGraphURL)
	h.mustRun("profile", "set", "--graph-url", base+"/v25.0")
	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.GraphURL != base {
		t.Errorf("profile set saved graph URL %q, want %q", show.GraphURL, base)
	}
	h.mustRun("solutions")
	reqs := h.sandbox.Requests()
	if len(reqs) == 0 {
		t.Fatal("no requests")
	}
	for _, r := range reqs {
		if strings.Contains(r.Path, "/v25.0/v25.0") || !strings.HasPrefix(r.Path, "/v25.0/") {
			t.Fatalf("request path %s", r.Path)
		}
	}
}

func TestGraphURLOfAnotherVersionIsRefusedWithTheFix(t *testing.T) {
	h := seededHarness(t)
	r := h.run("--graph-url", h.url+"/v24.0", "solutions")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d: %s", r.code, ExitUsage, r.stderr)
	}
	for _, want := range []string{"ends in API version v24.0", "the API version is v25.0", "pass --graph-url " + h.url + " ", "--api-version v24.0"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, r.stderr)
		}
	}
	if n := len(h.sandbox.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
	if r := h.run("profile", "set", "--graph-url", h.url+"/v24.0"); r.code != ExitUsage {
		t.Errorf("profile set saved a URL of another version: exit %d %s", r.code, r.stderr)
	}
}

func TestSolutionsFromAServerThatNeverAnswersEndsWithTheTimeout(t *testing.T) {
	h := seededHarness(t)
	silent, accepted := sandboxtest.StartSilent(t)
	h.env[store.EnvGraphURL] = silent
	host := strings.TrimPrefix(silent, "http://")
	for _, setting := range []struct {
		args []string
		env  string
	}{{[]string{"--timeout", "200ms"}, ""}, {nil, "200ms"}} {
		h.env[store.EnvTimeout] = setting.env
		r := h.run(append(setting.args, "solutions")...)
		wantExit(t, r, ExitError, "solutions")
		want := host + " did not answer within 200ms. Check the network, or raise --timeout (MPS_TIMEOUT)."
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr %q lacks %q", r.stderr, want)
		}
	}
	// One connection per role chain (owner, partner) in each run: none retried.
	if n := accepted(); n != 4 {
		t.Errorf("%d connections for two runs of two role chains, want 4", n)
	}
}

func TestBadTimeoutIsAUsageError(t *testing.T) {
	h := seededHarness(t)
	for _, c := range []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"--timeout", "30"}, "", `--timeout: timeout "30" is not a duration`},
		{[]string{"--timeout", "0"}, "", "must be more than zero"},
		{nil, "-1s", "MPS_TIMEOUT: timeout -1s must be more than zero"},
	} {
		h.env[store.EnvTimeout] = c.env
		r := h.run(append(c.args, "solutions")...)
		wantExit(t, r, ExitUsage, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("stderr %q lacks %q", r.stderr, c.want)
		}
	}
	if n := len(h.sandbox.Requests()); n != 0 {
		t.Errorf("%d requests despite a bad timeout", n)
	}
}

func TestVersionNote(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		version, today string
		warn           bool
		says           string
	}{
		{"v25.0", "2026-11-24", false, "usable until 2028-07-29"},
		{"25.0", "2026-11-24", false, "usable until 2028-07-29"},
		{"v26.0", "2026-11-24", false, "not announced"},
		{"v27.0", "2026-11-24", false, "not announced"},
		{"v21.0", "2026-11-24", true, "in 58 days"},               // within 90 days of 2027-01-21
		{"v21.0", "2026-10-01", false, "usable until 2027-01-21"}, // 112 days before
		{"v20.0", "2026-11-24", true, "past its end of life (2026-09-24)"},
		{"v20.0", "2026-09-24", true, "past its end of life"}, // the last day is gone at midnight
		{"v19.0", "2026-11-24", true, "older than v20.0"},
		{"v30.0", "2026-11-24", false, "newer than"},
		{"latest", "2026-11-24", true, "not a version"},
	}
	for _, c := range cases {
		note, warn := versionNote(c.version, day(c.today))
		if warn != c.warn || !strings.Contains(note, c.says) {
			t.Errorf("versionNote(%s, %s) = %q, %v; want %v and %q", c.version, c.today, note, warn, c.warn, c.says)
		}
	}
}

func TestNewerVersionIsTheNewestReleasedByNow(t *testing.T) {
	cases := []struct {
		version, today, want string // want "" for none
	}{
		{"v25.0", "2026-11-24", "v27.0"},
		{"v20.0", "2026-11-24", "v27.0"},
		{"v26.0", "2026-11-04", "v27.0"}, // its release day
		{"v25.0", "2026-11-03", "v26.0"}, // before v27.0's release
		{"v25.0", "2026-07-28", ""},
		{"v27.0", "2026-11-24", ""},
		{"v30.0", "2026-11-24", ""},
		{"latest", "2026-11-24", ""},
	}
	for _, c := range cases {
		today, err := time.Parse(time.DateOnly, c.today)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := newerVersion(c.version, today)
		if ok != (c.want != "") || got.name != c.want {
			t.Errorf("newerVersion(%s, %s) = %q, %v; want %q", c.version, c.today, got.name, ok, c.want)
		}
	}
}

func TestWithFieldsKeepsGraphFieldsAndAddsOurs(t *testing.T) {
	type graphObj struct {
		ID     string `json:"id"`
		Status string `json:"status,omitempty"`
	}
	type ours struct {
		DisplayState string `json:"display_state"`
	}
	cases := []struct {
		value, extra any
		want         string
	}{
		{graphObj{ID: "1", Status: "ACTIVE"}, ours{"Active"}, `{"id":"1","status":"ACTIVE","display_state":"Active"}`},
		{struct{}{}, ours{"Draft"}, `{"display_state":"Draft"}`},
		{graphObj{ID: "2"}, struct{}{}, `{"id":"2"}`},
	}
	for _, c := range cases {
		got, err := withFields(c.value, c.extra)
		if err != nil || string(got) != c.want {
			t.Errorf("withFields(%+v, %+v) = %s, %v; want %s", c.value, c.extra, got, err, c.want)
		}
	}
	if _, err := withFields([]string{"a"}, ours{}); err == nil {
		t.Error("withFields accepted an array")
	}
}

// dashboardWithRefreshEnv is a harness on a terminal with MPS_REFRESH set
// to env, unless env is empty.
func dashboardWithRefreshEnv(t *testing.T, env string) *harness {
	t.Helper()
	h := seededHarness(t)
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
	h := seededHarness(t)
	h.env[store.EnvRefresh] = "10s"
	h.mustRun("solutions", "--json")
}

func TestRefreshFlagInHelp(t *testing.T) {
	h := seededHarness(t)
	r := h.run("--help")
	for _, w := range []string{"--refresh DURATION", "MPS_REFRESH", "default 5m", "at least 30s"} {
		if !strings.Contains(r.stdout+r.stderr, w) {
			t.Errorf("help lacks %q:\n%s", w, r.stdout)
		}
	}
}

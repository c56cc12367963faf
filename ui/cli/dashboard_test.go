package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
	"mps/store/eventlog"
	"mps/store/journal"
	"mps/store/postgres"
	"mps/store/storetest"
	"mps/ui"
)

func TestDashboardGetsAWorkingClientAndTheProfile(t *testing.T) {
	h := seededHarness(t)
	h.terminal = true
	h.env["XDG_STATE_HOME"] = t.TempDir()
	var got ui.Config
	var solutions []graph.Solution
	h.tui = func(ctx context.Context, cfg ui.Config) error {
		got = cfg
		var err error
		solutions, err = cfg.Client.AppSolutions(ctx, cfg.AppID, graph.SolutionQuery{})
		return err
	}
	h.mustRun()
	if got.AppID != sandbox.DemoAppID || got.BusinessID != sandbox.DemoBusinessID || got.Profile != store.DefaultProfile {
		t.Errorf("dashboard config = %+v", got)
	}
	if got.LoginHint != "run `mps login` or set MPS_TOKEN" {
		t.Errorf("login hint %q", got.LoginHint)
	}
	if want := filepath.Join(h.env["XDG_STATE_HOME"], "mps", "default", eventlog.FileName); got.EventLog.Where != want || got.Demo {
		t.Errorf("event log %+v (demo %t), want the profile's at %s", got.EventLog, got.Demo, want)
	}
	if len(solutions) != len(h.sandbox.Solutions()) {
		t.Errorf("the dashboard's client listed %d solutions, sandbox has %d", len(solutions), len(h.sandbox.Solutions()))
	}
}

func TestDashboardWithoutTokenExits4BeforeStarting(t *testing.T) {
	h := seededHarness(t)
	h.terminal = true
	h.keyring.Delete(store.Service, store.DefaultProfile)
	started := false
	h.tui = func(context.Context, ui.Config) error { started = true; return nil }
	wantExit(t, h.run(), ExitAuth, "(dashboard without a token)")
	if started {
		t.Error("the dashboard started without a token")
	}
}

// The demo dashboard is built as the real one is, on the demo's session:
// its identity, a client of the in-process sandbox with the demo's
// switches, and the replayed event log, which is gone once it ends.
func TestDemoDashboard(t *testing.T) {
	h := seededHarness(t)
	h.terminal = true
	var got []sandbox.Variants
	var logs []string
	h.tui = func(ctx context.Context, cfg ui.Config) error {
		if !cfg.Demo || cfg.AppID != sandbox.DemoAppID || cfg.Profile != "demo" || !strings.HasPrefix(cfg.Client.BaseURL(), "http://127.0.0.1:") {
			t.Errorf("the demo dashboard got %+v on %s", cfg, cfg.Client.BaseURL())
		}
		if _, err := os.Stat(cfg.EventLog.Where); err != nil {
			t.Errorf("the demo's event log: %v", err)
		}
		logs = append(logs, cfg.EventLog.Where)
		got = append(got, sandboxSwitches(t, ctx, cfg.Client))
		// The partner accepts what the demo creates, a few seconds later.
		var answer struct{ Answer, After string }
		getJSON(t, ctx, cfg.Client.BaseURL()+"/_sandbox/partner_answer", &answer)
		if answer.Answer != "accept" || answer.After != demoPartnerAcceptsAfter.String() {
			t.Errorf("the demo's partner answers %+v, want accept after %s", answer, demoPartnerAcceptsAfter)
		}
		return nil
	}
	h.mustRun("--demo")
	h.env[EnvDemoLists], h.env[EnvDemoBodies], h.env[EnvDemoMessaging] = "default-fields", "openapi", "both-sides"
	h.mustRun("--demo")
	want := []sandbox.Variants{{}, {ListDefaultFieldsOnly: true, ActionBodies: sandbox.BodiesOpenAPI, Messaging: sandbox.MessagingBothSides}}
	if !slices.Equal(got, want) {
		t.Errorf("the demo dashboard ran with switches %+v, want %+v", got, want)
	}
	// A switch mps does not know is refused before anything starts.
	for _, bad := range [][3]string{{"default", "", ""}, {"", "strict", ""}, {"", "", "both"}} {
		h.env[EnvDemoLists], h.env[EnvDemoBodies], h.env[EnvDemoMessaging] = bad[0], bad[1], bad[2]
		r := h.run("--demo")
		wantExit(t, r, ExitUsage, "--demo with "+bad[0]+bad[1]+bad[2])
		if !strings.Contains(r.stderr, EnvDemoBodies) && !strings.Contains(r.stderr, EnvDemoMessaging+`="both"`) {
			t.Errorf("the refusal does not say what to set: %q", r.stderr)
		}
		if r := h.run("--demo", "solutions"); r.code != ExitUsage {
			t.Errorf("--demo solutions with %q: exit %d, want %d", bad, r.code, ExitUsage)
		}
	}
	if len(got) != 2 {
		t.Errorf("the demo dashboard started %d times, want 2 (not for unknown switches)", len(got))
	}
	for _, path := range logs {
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("the demo's event log %s is left after the run (%v)", path, err)
		}
	}
}

// sandboxSwitches reads the switches of the sandbox behind c from its
// control surface.
func sandboxSwitches(t *testing.T, ctx context.Context, c *graph.Client) sandbox.Variants {
	t.Helper()
	var lists struct {
		DefaultFieldsOnly bool `json:"default_fields_only"`
	}
	var bodies struct {
		Rule string `json:"rule"`
	}
	getJSON(t, ctx, c.BaseURL()+"/_sandbox/lists", &lists)
	var messaging struct {
		Rule string `json:"rule"`
	}
	getJSON(t, ctx, c.BaseURL()+"/_sandbox/action_bodies", &bodies)
	getJSON(t, ctx, c.BaseURL()+"/_sandbox/messaging", &messaging)
	v, err := sandbox.ParseVariants(map[bool]string{true: sandbox.ListsDefaultFields}[lists.DefaultFieldsOnly], bodies.Rule)
	if err != nil {
		t.Fatal(err)
	}
	rule, ok := sandbox.ParseMessagingRule(messaging.Rule)
	if !ok {
		t.Fatalf("the sandbox's messaging rule %q", messaging.Rule)
	}
	v.Messaging = rule
	return v
}

// MPS_DEMO_BODIES=openapi: the demo's sandbox takes only the OpenAPI form,
// so the accept goes twice, the guide's empty body refused first (the debug
// log shows it), and then succeeds; without the switch one POST does.
func TestDemoActionBodiesSwitch(t *testing.T) {
	for _, c := range []struct {
		bodies string
		posts  []string // the statuses of the accept POSTs, in order
	}{{"", []string{"200"}}, {"openapi", []string{"400", "200"}}} {
		h := seededHarness(t)
		h.env[EnvDemoBodies] = c.bodies
		h.env[envDebug] = "api"
		r := h.run("--demo", "accept", "17602267745700", "--yes")
		if r.code != ExitOK || !strings.Contains(r.stdout, "Active") {
			t.Fatalf("--demo accept with MPS_DEMO_BODIES=%q: exit %d\n%s%s", c.bodies, r.code, r.stdout, r.stderr)
		}
		var posts []string
		for _, line := range strings.Split(r.stderr, "\n") {
			if strings.Contains(line, " POST ") && strings.Contains(line, "/accept") {
				_, status, _ := strings.Cut(line, " status=")
				posts = append(posts, strings.Fields(status)[0])
			}
		}
		if !slices.Equal(posts, c.posts) {
			t.Errorf("MPS_DEMO_BODIES=%q: accept POSTs answered %v, want %v\n%s", c.bodies, posts, c.posts, r.stderr)
		}
	}
}

func getJSON(t *testing.T, ctx context.Context, url string, v any) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// The names saved with `profile add-partner --name` reach the dashboard.
func TestDashboardGetsThePartnerNames(t *testing.T) {
	h := seededHarness(t)
	h.terminal = true
	h.env["XDG_STATE_HOME"] = t.TempDir()
	h.mustRun("profile", "add-partner", "333", "--name", "Acme Partners")
	h.mustRun("profile", "add-partner", "444")
	var got ui.Config
	h.tui = func(_ context.Context, cfg ui.Config) error { got = cfg; return nil }
	h.mustRun()
	if !slices.Contains(got.PartnerBusinessIDs, "333") || !slices.Contains(got.PartnerBusinessIDs, "444") {
		t.Fatalf("partner businesses %v", got.PartnerBusinessIDs)
	}
	if got.PartnerNames["333"] != "Acme Partners" || got.PartnerNames["444"] != "" {
		t.Fatalf("partner names %v, want only 333 named Acme Partners", got.PartnerNames)
	}
}

// The dashboard notifies the terminal unless --no-notify or MPS_NOTIFY=off.
func TestDashboardNotifiesUnlessTurnedOff(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  string
		want ui.AlertStyle
	}{
		{nil, "", ui.AlertOSC9},
		{[]string{"--no-notify"}, "", ui.AlertOff},
		{nil, "off", ui.AlertOff},
	} {
		h := seededHarness(t)
		h.terminal = true
		h.env["XDG_STATE_HOME"] = t.TempDir()
		h.env["TERM_PROGRAM"] = "WezTerm"
		h.env["MPS_NOTIFY"] = c.env
		var got ui.Config
		h.tui = func(_ context.Context, cfg ui.Config) error { got = cfg; return nil }
		h.mustRun(c.args...)
		if got.Alert != c.want {
			t.Errorf("%v with MPS_NOTIFY=%q: alert style %d, want %d", c.args, c.env, got.Alert, c.want)
		}
	}
}

// On a shared store the dashboard gets the PostgreSQL event log, named
// without secrets, which follows new rows (the Events tab then reads when
// told), and a journal that tells of teammates' entries.
func TestDashboardOnASharedStoreFollowsIt(t *testing.T) {
	db := storetest.Postgres(t)
	h := newHarness(t, sandbox.Options{})
	h.terminal = true
	h.env["XDG_STATE_HOME"] = t.TempDir()
	h.env[store.EnvStore] = db
	h.tui = func(ctx context.Context, cfg ui.Config) error {
		if want := postgres.Redact(db); cfg.EventLog.Where != want {
			t.Errorf("the event log is named %q, want %q", cfg.EventLog.Where, want)
		}
		l, err := cfg.EventLog.Open(ctx)
		if err != nil {
			return err
		}
		defer l.Close()
		follow, cancel := context.WithCancel(ctx)
		defer cancel()
		if ch, err := l.Follow(follow); err != nil || ch == nil {
			t.Errorf("the dashboard's event log does not follow (%v): the Events tab would poll", err)
		}
		if _, ok := cfg.Journal.(journal.Follower); !ok {
			t.Errorf("the dashboard's journal %T does not follow", cfg.Journal)
		}
		return nil
	}
	h.mustRun()
}

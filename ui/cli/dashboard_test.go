package cli

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
)

func TestDashboardGetsAWorkingClientAndTheProfile(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.terminal = true
	var got TUIConfig
	var solutions []graph.Solution
	h.tui = func(ctx context.Context, cfg TUIConfig) error {
		got = cfg
		var err error
		solutions, err = cfg.Client.AppSolutions(ctx, cfg.AppID, graph.SolutionQuery{})
		return err
	}
	h.mustRun()
	if got.AppID != sandbox.DemoAppID || got.BusinessID != sandbox.DemoBusinessID || got.Profile != store.DefaultProfile {
		t.Errorf("dashboard config = %+v", got)
	}
	if got.TokenSource != "keyring (service mps, profile default)" || got.LoginHint != "run `mps login` or set MPS_TOKEN" {
		t.Errorf("token source %q, login hint %q", got.TokenSource, got.LoginHint)
	}
	if len(solutions) != len(h.sandbox.Solutions()) {
		t.Errorf("the dashboard's client listed %d solutions, sandbox has %d", len(solutions), len(h.sandbox.Solutions()))
	}
}

func TestDashboardWithoutTokenExits4BeforeStarting(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.terminal = true
	h.keyring.Delete(store.Service, store.DefaultProfile)
	started := false
	h.tui = func(context.Context, TUIConfig) error { started = true; return nil }
	wantExit(t, h.run(), ExitAuth, "(dashboard without a token)")
	if started {
		t.Error("the dashboard started without a token")
	}
}

func TestDemoDashboard(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.terminal = true
	var got []sandbox.Variants
	h.demoTUI = func(_ context.Context, _ time.Duration, v sandbox.Variants) error { got = append(got, v); return nil }
	h.tui = func(context.Context, TUIConfig) error { t.Error("the real dashboard ran for --demo"); return nil }
	h.mustRun("--demo")
	h.env[EnvDemoLists], h.env[EnvDemoBodies] = "default-fields", "openapi"
	h.mustRun("--demo")
	want := []sandbox.Variants{{}, {ListDefaultFieldsOnly: true, ActionBodies: sandbox.BodiesOpenAPI}}
	if !slices.Equal(got, want) {
		t.Errorf("the demo dashboard ran with switches %+v, want %+v", got, want)
	}
	// A switch mps does not know is refused before anything starts.
	for _, bad := range [][2]string{{"default", ""}, {"", "strict"}} {
		h.env[EnvDemoLists], h.env[EnvDemoBodies] = bad[0], bad[1]
		r := h.run("--demo")
		wantExit(t, r, ExitUsage, "--demo with "+bad[0]+bad[1])
		if !strings.Contains(r.stderr, EnvDemoBodies) {
			t.Errorf("the refusal does not say what to set: %q", r.stderr)
		}
		if r := h.run("--demo", "solutions"); r.code != ExitUsage {
			t.Errorf("--demo solutions with %q: exit %d, want %d", bad, r.code, ExitUsage)
		}
	}
	if len(got) != 2 {
		t.Errorf("the demo dashboard started %d times, want 2 (not for unknown switches)", len(got))
	}
}

// MPS_DEMO_BODIES=openapi: the demo's sandbox takes only the OpenAPI form,
// so the accept goes twice, the guide's empty body refused first (the debug
// log shows it), and then succeeds; without the switch one POST does.
func TestDemoActionBodiesSwitch(t *testing.T) {
	for _, c := range []struct {
		bodies string
		posts  []string // the statuses of the accept POSTs, in order
	}{{"", []string{"200"}}, {"openapi", []string{"400", "200"}}} {
		h := newHarness(t, sandbox.Options{})
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

package cli

import (
	"context"
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
	ran := false
	h.demoTUI = func(context.Context, time.Duration) error { ran = true; return nil }
	h.tui = func(context.Context, TUIConfig) error { t.Error("the real dashboard ran for --demo"); return nil }
	h.mustRun("--demo")
	if !ran {
		t.Error("--demo did not start the demo dashboard")
	}
}

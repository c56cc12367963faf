package cli

import (
	"context"
	"slices"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/ui"
)

// The dashboard's doctor's view (!) reads the doctor's checks with the command's
// own gathering: the same checks, the same outcomes, in one sandbox.
func TestDashboardDoctorIsTheCommands(t *testing.T) {
	h := setupHarness(t, sandbox.Options{WABAs: 12})
	h.terminal = true
	var tab []graph.SetupCheck
	var checklist bool
	h.tui = func(ctx context.Context, cfg ui.Config) error {
		if cfg.Doctor == nil {
			t.Fatal("the dashboard got no doctor")
		}
		checklist = cfg.Checklist
		var err error
		tab, err = cfg.Doctor(ctx)
		return err
	}
	h.mustRun()
	cmd := decodeJSON[doctorJSON](t, h.run("doctor", "--json").stdout)
	key := func(c graph.SetupCheck) string { return c.Name + "=" + string(c.Status) }
	var got, want []string
	for _, c := range tab {
		got = append(got, key(c))
	}
	for _, c := range cmd.Checks {
		want = append(want, key(c))
	}
	if len(got) == 0 || !slices.Equal(got, want) {
		t.Fatalf("the dashboard's checks %v, the command's %v", got, want)
	}
	if !checklist {
		t.Error("the dashboard's Customers tab has no checklist")
	}
}

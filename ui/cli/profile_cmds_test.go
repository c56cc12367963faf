package cli

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
	"mps/ui"
)

// savedProfile reads the default profile back from the config file, and
// checks the file is still private.
func savedProfile(t *testing.T, h *harness) store.Profile {
	t.Helper()
	info, err := os.Stat(store.ConfigPath(h.configDir))
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("the config file has mode %04o, want 0600", mode)
	}
	cfg, err := store.LoadConfig(h.configDir)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := cfg.Profile(store.DefaultProfile)
	return p
}

func TestProfileSetAddRemoveRoundTrip(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--app-id", "111", "--business-id", "222", "--api-version", "24.0", "--graph-url", "https://graph.example.com/")
	want := store.Profile{AppID: "111", BusinessID: "222", APIVersion: "v24.0", GraphURL: "https://graph.example.com"}
	if p := savedProfile(t, h); !reflect.DeepEqual(p, want) {
		t.Fatalf("saved %+v, want %+v", p, want)
	}
	// A value not given stays as it was.
	h.mustRun("profile", "set", "--api-version", "v25.0")
	want.APIVersion = "v25.0"

	h.mustRun("profile", "add-partner", "333", "--name", "Acme Partners")
	h.mustRun("profile", "add-partner", "444")
	h.mustRun("profile", "add-partner", "444", "--name", "Beta")
	if r := h.mustRun("profile", "add-partner", "444"); !strings.Contains(r.stdout, "nothing changed") {
		t.Errorf("adding a listed partner again: %s", r.stdout)
	}
	want.Partners = []store.Partner{{BusinessID: "333", Name: "Acme Partners"}, {BusinessID: "444", Name: "Beta"}}
	if p := savedProfile(t, h); !reflect.DeepEqual(p, want) {
		t.Fatalf("saved %+v, want %+v", p, want)
	}

	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.AppID != "111" || !strings.HasPrefix(show.Sources.AppID, `profile "default" in `) || !reflect.DeepEqual(show.Partners, want.Partners) {
		t.Errorf("profile show --json = %+v", show)
	}
	// The harness sets MPS_GRAPH_URL, which wins over the saved URL.
	if show.GraphURL != h.url || show.Sources.GraphURL != store.EnvGraphURL {
		t.Errorf("graph URL %q from %q, want %q from MPS_GRAPH_URL", show.GraphURL, show.Sources.GraphURL, h.url)
	}

	h.mustRun("profile", "remove-partner", "333")
	want.Partners = want.Partners[1:]
	if p := savedProfile(t, h); !reflect.DeepEqual(p, want) {
		t.Fatalf("after remove-partner: saved %+v, want %+v", p, want)
	}
	before, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil {
		t.Fatal(err)
	}
	r := h.run("profile", "remove-partner", "333")
	wantExit(t, r, ExitUsage, "profile remove-partner 333 (absent)")
	if !strings.Contains(r.stderr, "333 is not a partner") || !strings.Contains(r.stderr, "mps profile show") {
		t.Errorf("removing an absent partner: %s", r.stderr)
	}
	if after, _ := os.ReadFile(store.ConfigPath(h.configDir)); string(after) != string(before) {
		t.Errorf("removing an absent partner changed the file:\n%s\nwas:\n%s", after, before)
	}
}

func TestProfileBadValuesExit2AndLeaveTheFileUnchanged(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--app-id", "111")
	h.mustRun("profile", "add-partner", "333")
	before, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"profile", "set", "--app-id", "12a"},
		{"profile", "set", "--business-id", "-1"},
		{"profile", "set", "--api-version", "25"},
		{"profile", "set", "--graph-url", "http://example.com"},
		{"profile", "set"},
		{"--profile", "bad:name", "profile", "set", "--app-id", "1"},
		{"profile", "add-partner", "abc"},
		{"profile", "add-partner", "333x"},
		{"profile", "add-partner", "444", "--name", "Evil\x1b]0;title\a"},
		{"profile", "add-partner", "444", "--name", strings.Repeat("n", 81)},
		{"profile", "remove-partner", "../1"},
		{"profile", "remove-partner"},
		{"--demo", "profile", "set", "--app-id", "1"},
	} {
		r := h.run(args...)
		wantExit(t, r, ExitUsage, args...)
		if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "mps: ") || strings.ContainsRune(r.stderr, '\x1b') {
			t.Errorf("mps %v: not one clean line: %q", args, r.stderr)
		}
	}
	after, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil || string(after) != string(before) {
		t.Errorf("the config file changed (%v):\n%s\nwas:\n%s", err, after, before)
	}
}

func TestProfileSetSavesOnlyFlagsAndSaysWhenTheEnvironmentWins(t *testing.T) {
	h := newHarness(t, sandbox.Options{}) // MPS_APP_ID and MPS_BUSINESS_ID are set
	r := h.mustRun("profile", "set", "--app-id", "111")
	if !strings.Contains(r.stderr, "MPS_APP_ID is set, and it wins over the profile") {
		t.Errorf("no note about MPS_APP_ID: %s", r.stderr)
	}
	if p := savedProfile(t, h); p.AppID != "111" || p.BusinessID != "" {
		t.Errorf("saved %+v: want the flag's app ID and no business ID from the environment", p)
	}
	if r := h.mustRun("profile", "show"); !strings.Contains(r.stdout, sandbox.DemoAppID+"  (from MPS_APP_ID)") {
		t.Errorf("profile show does not show the environment winning:\n%s", r.stdout)
	}
}

func TestProfileShowOnAFreshMachine(t *testing.T) {
	h := loggedOut(t)
	r := h.mustRun("--profile", "staging", "profile", "show")
	for _, want := range []string{"staging  (from --profile)", "no entry for this profile yet", "App ID       not set", "mps profile add-partner"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("profile show lacks %q:\n%s", want, r.stdout)
		}
	}
	if _, err := os.Stat(store.ConfigPath(h.configDir)); err == nil {
		t.Error("profile show wrote the config file")
	}
}

// The partners saved in the profile reach the dashboard's Customers filter.
func TestSavedPartnersReachTheDashboard(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.mustRun("profile", "add-partner", "333")
	h.mustRun("profile", "add-partner", "444", "--name", "Beta")
	h.terminal = true
	var got []string
	h.tui = func(_ context.Context, cfg ui.Config) error { got = cfg.PartnerBusinessIDs; return nil }
	h.mustRun()
	if !reflect.DeepEqual(got, []string{"333", "444"}) {
		t.Errorf("the dashboard got partners %v", got)
	}
}

func TestSecretAndProfileHelpNameTheirFlags(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	for cmd, want := range map[string]string{
		"secret set":             "--with-value",
		"secret delete":          "app-secret|verify-token",
		"secret status":          "MPS_VERIFY_TOKEN",
		"profile show":           "--json",
		"profile set":            "--graph-url",
		"profile add-partner":    "--name NAME",
		"profile remove-partner": "BUSINESS_ID",
	} {
		r := h.mustRun(append(strings.Fields(cmd), "--help")...)
		if !strings.Contains(r.stdout, "Usage:\n  mps "+cmd) || !strings.Contains(r.stdout, want) {
			t.Errorf("mps %s --help lacks %q:\n%s", cmd, want, r.stdout)
		}
	}
}

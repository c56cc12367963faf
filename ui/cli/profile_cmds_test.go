package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
	"mps/store/storetest"
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
	h := seededHarness(t) // MPS_APP_ID and MPS_BUSINESS_ID are set
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
	h := seededHarness(t)
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
	h := seededHarness(t)
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

// A config file that is a link into a dotfiles repository stays a link,
// and its target keeps its mode, through profile set and profile show.
func TestProfileSetWritesThroughASymlinkedConfig(t *testing.T) {
	h := loggedOut(t)
	target := filepath.Join(t.TempDir(), "dotfiles", "mps.json")
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte(`{"profiles": {"default": {"app_id": "111"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(target, 0o644)
	link := store.ConfigPath(h.configDir)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}

	r := h.mustRun("profile", "set", "--business-id", "222")
	if !strings.Contains(r.stderr, "link") || !strings.Contains(r.stderr, "chmod 600 "+target) {
		t.Errorf("no warning about the link's open target: %q", r.stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("profile set replaced the link: %v, %v", info.Mode(), err)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o644 {
		t.Errorf("the target's mode became %04o", info.Mode().Perm())
	}
	data, _ := os.ReadFile(target)
	if !strings.Contains(string(data), `"222"`) || !strings.Contains(string(data), `"111"`) {
		t.Errorf("the target does not hold the edit:\n%s", data)
	}
}

func TestProfileUnsetUndoesProfileSet(t *testing.T) {
	h := loggedOut(t)
	delete(h.env, store.EnvGraphURL)
	h.mustRun("profile", "set", "--app-id", "111", "--business-id", "222", "--api-version", "v24.0", "--graph-url", "https://graph.example.com")
	h.mustRun("profile", "add-partner", "333")

	r := h.mustRun("profile", "unset", "business-id", "api-version", "graph-url")
	for _, want := range []string{`Removed from profile "default"`, "business ID 222", "API version v24.0", "Graph URL https://graph.example.com"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("unset does not say %q:\n%s", want, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("unexpected stderr: %s", r.stderr)
	}
	want := store.Profile{AppID: "111", Partners: []store.Partner{{BusinessID: "333"}}}
	if p := savedProfile(t, h); !reflect.DeepEqual(p, want) {
		t.Fatalf("saved %+v, want %+v", p, want)
	}

	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.AppID != "111" || show.BusinessID != "" || show.Sources.BusinessID != "" {
		t.Errorf("business ID %q from %q after unset", show.BusinessID, show.Sources.BusinessID)
	}
	if show.APIVersion != "v25.0" || show.Sources.APIVersion != "default" || show.Sources.GraphURL != "default" {
		t.Errorf("the defaults do not apply after unset: %+v", show)
	}
	if text := h.mustRun("profile", "show").stdout; !strings.Contains(text, "Business ID  not set") {
		t.Errorf("profile show still shows a business ID:\n%s", text)
	}

	// The last value goes too; the partners stay.
	h.mustRun("profile", "unset", "app-id")
	if p := savedProfile(t, h); p.AppID != "" || len(p.Partners) != 1 {
		t.Errorf("after unsetting app-id: %+v", p)
	}
}

func TestProfileUnsetOfAValueNotSavedSaysSo(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--app-id", "111")
	before, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil {
		t.Fatal(err)
	}
	r := h.mustRun("profile", "unset", "business-id", "business-id")
	if !strings.Contains(r.stdout, "nothing to remove: business ID.") || strings.Contains(r.stdout, "Removed") {
		t.Errorf("unset of an unsaved value: %s", r.stdout)
	}
	after, _ := os.ReadFile(store.ConfigPath(h.configDir))
	if string(after) != string(before) {
		t.Errorf("the config file changed:\n%s\nwas:\n%s", after, before)
	}
	// Some removed, some not there: both are said.
	r = h.mustRun("profile", "unset", "app-id", "graph-url")
	if !strings.Contains(r.stdout, "app ID 111") || !strings.Contains(r.stdout, "nothing to remove: Graph URL") {
		t.Errorf("mixed unset: %s", r.stdout)
	}
	// A profile with no entry at all is not an error and writes nothing.
	h.mustRun("--profile", "staging", "profile", "unset", "app-id")
	if p := savedProfile(t, h); !reflect.DeepEqual(p, store.Profile{}) {
		t.Errorf("default profile is %+v", p)
	}
}

func TestProfileUnsetSaysWhenTheEnvironmentStillProvidesTheValue(t *testing.T) {
	h := seededHarness(t) // MPS_APP_ID and MPS_BUSINESS_ID are set
	h.mustRun("profile", "set", "--app-id", "111")
	r := h.mustRun("profile", "unset", "app-id", "api-version")
	if !strings.Contains(r.stderr, "mps: note: MPS_APP_ID is set, and it still provides the value") {
		t.Errorf("no note about MPS_APP_ID: %s", r.stderr)
	}
	if strings.Contains(r.stderr, store.EnvAPIVersion) {
		t.Errorf("a note about an unset variable: %s", r.stderr)
	}
	if p := savedProfile(t, h); p.AppID != "" {
		t.Errorf("app ID still saved: %+v", p)
	}
}

func TestProfileUnsetBadFieldsExit2AndChangeNothing(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--app-id", "111", "--business-id", "222")
	before, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"profile", "unset", "app_id"},
		{"profile", "unset", "business-id", "partners"},
		{"profile", "unset", "--app-id"},
		{"profile", "unset", "token\x1b[31m"},
		{"profile", "unset"},
		{"--demo", "profile", "unset", "app-id"},
	} {
		r := h.run(args...)
		wantExit(t, r, ExitUsage, args...)
		if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "mps: ") || strings.ContainsRune(r.stderr, '\x1b') {
			t.Errorf("mps %v: not one clean line: %q", args, r.stderr)
		}
	}
	r := h.run("profile", "unset", "app_id")
	if !strings.Contains(r.stderr, `unknown profile field "app_id"`) ||
		!strings.Contains(r.stderr, "app-id, business-id, api-version, graph-url") {
		t.Errorf("the error does not list the fields: %s", r.stderr)
	}
	after, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil || string(after) != string(before) {
		t.Errorf("the config file changed (%v):\n%s\nwas:\n%s", err, after, before)
	}
	if p := savedProfile(t, h); p.AppID != "111" || p.BusinessID != "222" {
		t.Errorf("saved %+v", p)
	}
}

// The child process of TestParallelProfileEditsAreAllKept: one mps command
// on the config directory the parent names.
const (
	childConfigDirEnv = "MPS_TEST_CHILD_CONFIG_DIR"
	childArgsEnv      = "MPS_TEST_CHILD_ARGS"
)

func TestProfileEditChildProcess(t *testing.T) {
	dir := storetest.ChildValue(t, childConfigDirEnv, "TestParallelProfileEditsAreAllKept")
	env := Env{Stdout: os.Stdout, Stderr: os.Stderr, Keyring: storetest.NewMemoryKeyring(), ConfigDir: dir, Now: harnessNow}
	os.Exit(Main(context.Background(), strings.Fields(os.Getenv(childArgsEnv)), env))
}

// Separate processes, as separate shells would run them, each add a
// partner at once; every one is kept.
func TestParallelProfileEditsAreAllKept(t *testing.T) {
	const n = 24
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			child := storetest.Child("TestProfileEditChildProcess", childConfigDirEnv+"="+dir,
				childArgsEnv+"="+fmt.Sprintf("profile add-partner %d --name p%d", 1000+i, i))
			if out, err := child.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("add-partner %d: %v\n%s", 1000+i, err, out)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := cfg.Profile(store.DefaultProfile)
	kept := map[string]bool{}
	for _, partner := range p.Partners {
		kept[partner.BusinessID] = true
	}
	for i := range n {
		if id := fmt.Sprint(1000 + i); !kept[id] {
			t.Errorf("partner %s was lost", id)
		}
	}
	if len(p.Partners) != n {
		t.Errorf("%d partners saved, want %d", len(p.Partners), n)
	}
}

// The Embedded Signup config ID is a profile value like the others: set,
// shown with its source, refused when it is not an ID, unset.
func TestProfileConfigID(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--config-id", "1234567890")
	if p := savedProfile(t, h); p.ConfigID != "1234567890" {
		t.Fatalf("saved %+v, want config ID 1234567890", p)
	}
	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.ConfigID != "1234567890" || !strings.HasPrefix(show.Sources.ConfigID, `profile "default" in `) {
		t.Errorf("profile show --json = %+v", show)
	}
	h.env[store.EnvConfigID] = "555"
	if show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout); show.ConfigID != "555" || show.Sources.ConfigID != store.EnvConfigID {
		t.Errorf("with %s set: %+v", store.EnvConfigID, show)
	}
	delete(h.env, store.EnvConfigID)
	r := h.run("profile", "set", "--config-id", "12ab")
	wantExit(t, r, ExitUsage, "profile set --config-id 12ab")
	if !strings.Contains(r.stderr, "config ID") {
		t.Errorf("a bad config ID: %s", r.stderr)
	}
	h.mustRun("profile", "unset", "config-id")
	if p := savedProfile(t, h); p.ConfigID != "" {
		t.Fatalf("after unset: %+v", p)
	}
}

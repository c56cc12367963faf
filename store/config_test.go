package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"mps/store"
)

func sampleConfig(t *testing.T) store.Config {
	t.Helper()
	var cfg store.Config
	if err := cfg.SetProfile("default", store.Profile{
		AppID:      "1234567890",
		BusinessID: "5550001",
		Partners:   []store.Partner{{BusinessID: "777", Name: "Acme Partner"}, {BusinessID: "888"}},
		APIVersion: "v25.0",
		GraphURL:   "https://graph.facebook.com",
	}); err != nil {
		t.Fatal(err)
	}
	// Every field set, so that the round trip also finds each one a key
	// the file may hold (no "unknown key" warning).
	if err := cfg.SetProfile("staging", store.Profile{AppID: "42", GraphURL: "http://127.0.0.1:8080", ConfigID: "9001",
		Store: "postgres://mps@db.example.com/mps"}); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// configDirEntries lists dir but the config's lock file, which stays (its
// lock, not its presence, is what excludes).
func configDirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if filepath.Join(dir, e.Name()) != store.ConfigLockPath(dir) {
			names = append(names, e.Name())
		}
	}
	return names
}

func writeConfig(t *testing.T, body string) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path = store.ConfigPath(dir)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func TestConfigRoundTripWithPrivatePermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mps")
	want := sampleConfig(t)
	if err := store.SaveConfig(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Profiles, want.Profiles) {
		t.Errorf("loaded %+v, want %+v", got.Profiles, want.Profiles)
	}
	if got.Path != store.ConfigPath(dir) || len(got.Warnings) != 0 {
		t.Errorf("Path %q, warnings %q", got.Path, got.Warnings)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("dir mode %04o, want 0700", m)
	}
	if m := mode(t, store.ConfigPath(dir)); m != 0o600 {
		t.Errorf("file mode %04o, want 0600", m)
	}
	if names := got.ProfileNames(); !reflect.DeepEqual(names, []string{"default", "staging"}) {
		t.Errorf("ProfileNames = %q", names)
	}
}

func TestMissingConfigIsEmpty(t *testing.T) {
	cfg, err := store.LoadConfig(filepath.Join(t.TempDir(), "nowhere"))
	if err != nil || len(cfg.Profiles) != 0 {
		t.Fatalf("LoadConfig = %+v, %v", cfg, err)
	}
	if _, ok := cfg.Profile("default"); ok {
		t.Error("empty config has a default profile")
	}
}

func TestLoosePermissionsAreTightened(t *testing.T) {
	dir, path := writeConfig(t, `{"profiles": {"default": {"app_id": "1"}}}`)
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if mode(t, dir) != 0o700 || mode(t, path) != 0o600 {
		t.Errorf("modes %04o/%04o, want 0700/0600", mode(t, dir), mode(t, path))
	}
	if len(cfg.Warnings) != 2 || !strings.Contains(cfg.Warnings[1], "0644") {
		t.Errorf("warnings %q do not report the fix", cfg.Warnings)
	}

	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := store.SaveConfig(dir, sampleConfig(t)); err != nil {
		t.Fatal(err)
	}
	if mode(t, dir) != 0o700 || mode(t, path) != 0o600 {
		t.Errorf("after save: modes %04o/%04o, want 0700/0600", mode(t, dir), mode(t, path))
	}
}

func TestFailedSaveLeavesOldFileAndNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	// A directory where the file should be makes the final rename fail.
	if err := os.Mkdir(store.ConfigPath(dir), 0o700); err != nil {
		t.Fatal(err)
	}
	err := store.SaveConfig(dir, sampleConfig(t))
	if err == nil {
		t.Fatal("SaveConfig over a directory succeeded")
	}
	if names := configDirEntries(t, dir); len(names) != 1 || names[0] != store.ConfigFileName {
		t.Errorf("directory holds %q after a failed save, want only %s", names, store.ConfigFileName)
	}
}

func TestSaveRefusesInvalidProfilesAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := store.Config{Profiles: map[string]store.Profile{"default": {AppID: "12ab"}}}
	err := store.SaveConfig(dir, bad)
	if err == nil || !strings.Contains(err.Error(), "app_id") {
		t.Fatalf("err = %v, want an app_id error", err)
	}
	if _, err := os.Stat(store.ConfigPath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("config file written despite the error: %v", err)
	}
	var cfg store.Config
	if err := cfg.SetProfile("a:b", store.Profile{}); err == nil {
		t.Error("profile name with ':' accepted")
	}
}

// Readers running while the file is rewritten must always see a whole file.
func TestReadersNeverSeeAPartialFile(t *testing.T) {
	dir := t.TempDir()
	small := sampleConfig(t)
	big := sampleConfig(t)
	partners := make([]store.Partner, 2000)
	for i := range partners {
		partners[i] = store.Partner{BusinessID: "1000000000", Name: strings.Repeat("n", 40)}
	}
	if err := big.SetProfile("big", store.Profile{Partners: partners}); err != nil {
		t.Fatal(err)
	}
	if err := store.SaveConfig(dir, small); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 1)
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			cfg, err := store.LoadConfig(dir)
			if err == nil && len(cfg.Profiles) != 2 && len(cfg.Profiles) != 3 {
				err = errors.New("partial profiles")
			}
			if err != nil {
				select {
				case errs <- err:
				default:
				}
				return
			}
		}
	})
	for i := range 40 {
		cfg := small
		if i%2 == 0 {
			cfg = big
		}
		if err := store.SaveConfig(dir, cfg); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	select {
	case err := <-errs:
		t.Fatalf("a reader saw a damaged file: %v", err)
	default:
	}
	if names := configDirEntries(t, dir); len(names) != 1 {
		t.Errorf("%q left in the config dir, want only the file (temp files not cleaned)", names)
	}
}

func TestDamagedConfigNamesFileAndLine(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"syntax", "{\n  \"profiles\": {\n    \"default\": {\n      \"app_id\": \"1\",,\n    }\n  }\n}\n", ":4:"},
		{"truncated", "{\n  \"profiles\": {\n    \"default\": {\n", ":3:"},
		{"wrong type", "{\n  \"profiles\": {\n    \"default\": {\n      \"app_id\": 123\n    }\n  }\n}\n", ":4:19: app_id should be a string"},
		{"not an object", "[1, 2]\n", ":1:"},
		{"bad app id", "{\"profiles\": {\n \"default\": {\n  \"business_id\": \"1\",\n  \"app_id\": \"12ab\"\n }}}", ":4: profile \"default\": app_id"},
		{"bad partner", "{\"profiles\": {\"default\": {\n\"partners\": [\n{\"name\": \"x\"},\n{\"business_id\": \"9x\"}\n]}}}", ":3: profile \"default\": partner business_id"},
		{"bad name", "{\"profiles\": {\n\"ok\": {},\n\"bad name\": {}\n}}", ":3: profile name"},
		{"plain http", "{\"profiles\": {\"p\": {\n\"graph_url\": \"http://graph.example.com\"}}}", ":2: profile \"p\": graph URL"},
		{"control bytes", "{\"profiles\": \x00}", ":1:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, path := writeConfig(t, c.body)
			_, err := store.LoadConfig(dir)
			if err == nil {
				t.Fatal("damaged file loaded without error")
			}
			if !strings.Contains(err.Error(), path+c.want) {
				t.Errorf("error %q does not contain %q", err, path+c.want)
			}
		})
	}
}

func TestUnknownKeysAreIgnoredWithAWarningNamingTheLine(t *testing.T) {
	body := `{
  "profiles": {
    "default": {
      "App_ID": "1",
      "app-id": "2",
      "access_token": "EAAB...",
      "partners": [{"business_id": "3", "colour": "red"}]
    }
  },
  "theme": "dark"
}`
	dir, path := writeConfig(t, body)
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := cfg.Profile("default")
	if p.AppID != "1" || len(p.Partners) != 1 || p.Partners[0].BusinessID != "3" {
		t.Errorf("profile = %+v", p)
	}
	want := []string{
		path + `:5: unknown key "app-id"`,
		path + `:6: key "access_token" is ignored: mps never reads secrets`,
		path + `:7: unknown key "colour"`,
		path + `:10: unknown key "theme"`,
	}
	if len(cfg.Warnings) != len(want) {
		t.Fatalf("warnings %q, want %d", cfg.Warnings, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(cfg.Warnings[i], w) {
			t.Errorf("warning %d = %q, want prefix %q", i, cfg.Warnings[i], w)
		}
	}
}

func TestDuplicateKeysAreReported(t *testing.T) {
	dir, path := writeConfig(t, "{\"profiles\": {\"default\": {\n\"app_id\": \"1\",\n\"app_id\": \"2\"}}}")
	cfg, err := store.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := cfg.Profile("default"); p.AppID != "2" {
		t.Errorf("app_id = %q, want the last one", p.AppID)
	}
	if len(cfg.Warnings) != 1 || !strings.HasPrefix(cfg.Warnings[0], path+`:3: key "app_id" appears twice`) {
		t.Errorf("warnings = %q", cfg.Warnings)
	}
}

func TestOversizedAndEmptyConfigFiles(t *testing.T) {
	dir, _ := writeConfig(t, "{\"profiles\": {}, \"x\": \""+strings.Repeat("a", 1<<20)+"\"}")
	if _, err := store.LoadConfig(dir); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("oversized file: err = %v", err)
	}
	dir, _ = writeConfig(t, " \n")
	if cfg, err := store.LoadConfig(dir); err != nil || len(cfg.Profiles) != 0 {
		t.Errorf("empty file: %+v, %v", cfg, err)
	}
}

package store_test

import (
	"strings"
	"testing"

	"mps/store"
	"mps/store/postgres"
	"mps/store/storetest"
)

func TestResolveStoreFlagEnvProfile(t *testing.T) {
	cfg := configWith(t, "default", store.Profile{Store: "/srv/mps-profile"})
	env := map[string]string{"MPS_STORE": "postgres://mps@db.example/mps"}
	cases := []struct {
		name         string
		flag         string
		env          map[string]string
		want, source string
	}{
		{"flag wins", "/srv/flag/", env, "/srv/flag", "--store"},
		{"environment over profile", "", env, "postgres://mps@db.example/mps", "MPS_STORE"},
		{"profile", "", nil, "/srv/mps-profile", `profile "default" in /home/u/.config/mps/config.json`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := store.Resolve(store.Values{Store: c.flag}, envOf(c.env), cfg, store.Values{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Store != c.want || got.Sources.Store != c.source {
				t.Errorf("store %q from %q, want %q from %q", got.Store, got.Sources.Store, c.want, c.source)
			}
		})
	}
	got, err := store.Resolve(store.Values{}, nil, store.Config{}, store.Values{})
	if err != nil || got.Store != "" || got.Sources.Store != "" {
		t.Errorf("with no setting: store %q from %q (err %v), want none: the state directory", got.Store, got.Sources.Store, err)
	}
}

func TestStoreSettingRefusesPasswordsAndRelativePaths(t *testing.T) {
	const secret = "hunter2-store-secret"
	cases := []struct{ value, want string }{
		{"postgres://mps:" + secret + "@db.example/mps", "mps secret set store-password"},
		{"postgresql://mps@db.example/mps?password=" + secret, "PGPASSWORD"},
		{"mysql://root:" + secret + "@db.example/mps", "not a PostgreSQL URL"},
		{"team/store", "relative path"},
		{"postgres://mps@db.example:notaport/mps", "not valid"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			_, err := store.Resolve(store.Values{Store: c.value}, nil, store.Config{}, store.Values{})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "--store") {
				t.Fatalf("--store %s: err %v, want one naming --store and saying %q", c.value, err, c.want)
			}
			if strings.Contains(err.Error(), secret) {
				t.Fatalf("the error shows the password: %v", err)
			}
			var cfg store.Config
			if err := cfg.SetProfile("default", store.Profile{Store: c.value}); err == nil {
				t.Errorf("the profile accepted store %s", c.value)
			} else if strings.Contains(err.Error(), secret) {
				t.Fatalf("the profile's error shows the password: %v", err)
			}
		})
	}
}

func TestStorePasswordIsKeyringOnly(t *testing.T) {
	kr := storetest.NewMemoryKeyring()
	sec := store.Secrets{Keyring: kr, Getenv: envOf(map[string]string{"PGPASSWORD": "from-env"}), Profile: "default"}
	password := sec.StorePasswordFunc()
	got, err := password(t.Context())
	if err != nil || got != "" {
		t.Fatalf("no keyring entry: %q, %v; want \"\" so that PGPASSWORD and pgpass come next", got, err)
	}
	if err := sec.Save(store.StorePassword, "  pass with spaces  "); err != nil {
		t.Fatal(err)
	}
	if got, err := sec.StorePasswordFunc()(t.Context()); err != nil || got != "pass with spaces" {
		t.Fatalf("keyring entry: %q, %v", got, err)
	}
	if v, err := kr.Get(store.Service, "default:store_password"); v != "pass with spaces" {
		t.Errorf("keyring entry default:store_password = %q, %v", v, err)
	}
}

func TestIsStoreURLIsPostgresRule(t *testing.T) {
	for _, v := range []string{"postgres://a@b/c", "postgresql://a@b/c", "/srv/mps", "postgres:/x", "mysql://a@b/c", ""} {
		if store.IsStoreURL(v) != postgres.IsURL(v) {
			t.Errorf("IsStoreURL(%q) = %v, postgres.IsURL says %v", v, store.IsStoreURL(v), postgres.IsURL(v))
		}
	}
}

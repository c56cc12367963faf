package store_test

import (
	"strings"
	"testing"

	"mps/store"
)

func configWith(t *testing.T, name string, p store.Profile) store.Config {
	t.Helper()
	cfg := store.Config{Path: "/home/u/.config/mps/config.json"}
	if err := cfg.SetProfile(name, p); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestResolvePrecedenceFlagEnvProfileDefault(t *testing.T) {
	cfg := configWith(t, "work", store.Profile{
		AppID: "3", BusinessID: "33", GraphURL: "https://profile.example", APIVersion: "v22.0",
		Partners: []store.Partner{{BusinessID: "777"}},
	})
	env := map[string]string{
		"MPS_PROFILE": "work", "MPS_APP_ID": "2", "MPS_GRAPH_URL": "https://env.example/",
	}
	flags := store.Values{AppID: "1"}
	got, err := store.Resolve(flags, envOf(env), cfg, store.Values{APIVersion: "v25.0"})
	if err != nil {
		t.Fatal(err)
	}
	profileSource := `profile "work" in /home/u/.config/mps/config.json`
	want := store.Values{Profile: "work", AppID: "1", BusinessID: "33", GraphURL: "https://env.example", APIVersion: "v22.0"}
	wantSources := store.Values{Profile: "MPS_PROFILE", AppID: "--app-id", BusinessID: profileSource, GraphURL: "MPS_GRAPH_URL", APIVersion: profileSource}
	if got.Values != want {
		t.Errorf("values = %+v, want %+v", got.Values, want)
	}
	if got.Sources != wantSources {
		t.Errorf("sources = %+v, want %+v", got.Sources, wantSources)
	}
	if !got.InConfig || len(got.Partners) != 1 || got.Partners[0].BusinessID != "777" {
		t.Errorf("InConfig %v, partners %+v", got.InConfig, got.Partners)
	}
}

func TestResolveDefaults(t *testing.T) {
	got, err := store.Resolve(store.Values{}, nil, store.Config{}, store.Values{APIVersion: "25.0"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.Values{Profile: "default", GraphURL: "https://graph.facebook.com", APIVersion: "v25.0"}
	if got.Values != want || got.InConfig {
		t.Errorf("got %+v (InConfig %v), want %+v", got.Values, got.InConfig, want)
	}
	if got.Sources.Profile != "default" || got.Sources.AppID != "" {
		t.Errorf("sources = %+v", got.Sources)
	}
}

func TestResolveFlagProfileBeatsEnvProfile(t *testing.T) {
	cfg := configWith(t, "a", store.Profile{AppID: "10"})
	got, err := store.Resolve(store.Values{Profile: "a"}, envOf(map[string]string{"MPS_PROFILE": "b"}), cfg, store.Values{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Profile != "a" || got.AppID != "10" || got.Sources.Profile != "--profile" {
		t.Errorf("got %+v sources %+v", got.Values, got.Sources)
	}
}

func TestResolveNamesTheSourceOfABadValue(t *testing.T) {
	cases := []struct {
		name  string
		flags store.Values
		env   map[string]string
		want  string
	}{
		{"env app id", store.Values{}, map[string]string{"MPS_APP_ID": "abc"}, `MPS_APP_ID: app ID "abc" is not a Graph ID`},
		{"flag business id", store.Values{BusinessID: "1 2"}, nil, `--business-id: business ID "1 2" is not a Graph ID`},
		{"plain http", store.Values{GraphURL: "http://graph.example.com"}, nil, "--graph-url: graph URL"},
		{"no scheme", store.Values{}, map[string]string{"MPS_GRAPH_URL": "graph.facebook.com"}, "MPS_GRAPH_URL: graph URL"},
		{"credentials", store.Values{GraphURL: "https://user:pw@host"}, nil, "must not contain credentials"},
		{"version", store.Values{}, map[string]string{"MPS_API_VERSION": "latest"}, `MPS_API_VERSION: API version "latest"`},
		{"profile name", store.Values{}, map[string]string{"MPS_PROFILE": "../etc"}, `MPS_PROFILE: profile name "../etc"`},
		{"escape in value", store.Values{AppID: "\x1b[2J"}, nil, `"\x1b[2J"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := store.Resolve(c.flags, envOf(c.env), store.Config{}, store.Values{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to contain %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "pw@") {
				t.Errorf("error shows the URL's password: %v", err)
			}
		})
	}
}

func TestResolveAllowsPlainHTTPOnLoopback(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80/"} {
		if _, err := store.Resolve(store.Values{GraphURL: u}, nil, store.Config{}, store.Values{}); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
}

func TestResolveDropsTheAPIVersionFromTheGraphURL(t *testing.T) {
	profile := configWith(t, "default", store.Profile{GraphURL: "https://graph.facebook.com/v24.0/", APIVersion: "v24.0"})
	cases := []struct {
		name        string
		flags       store.Values
		env         map[string]string
		cfg         store.Config
		url, source string
	}{
		{"flag", store.Values{GraphURL: "https://graph.facebook.com/v25.0"}, nil, store.Config{}, "https://graph.facebook.com", "--graph-url"},
		{"env", store.Values{}, map[string]string{"MPS_GRAPH_URL": "https://graph.facebook.com/v25.0/"}, store.Config{}, "https://graph.facebook.com", "MPS_GRAPH_URL"},
		{"profile", store.Values{}, nil, profile, "https://graph.facebook.com", `profile "default" in /home/u/.config/mps/config.json`},
		{"behind a proxy path", store.Values{GraphURL: "https://proxy.example/graph/v25.0"}, nil, store.Config{}, "https://proxy.example/graph", "--graph-url"},
		{"sandbox", store.Values{GraphURL: "http://127.0.0.1:8080/v25.0"}, nil, store.Config{}, "http://127.0.0.1:8080", "--graph-url"},
		{"a path that only looks like one", store.Values{GraphURL: "https://proxy.example/v25"}, nil, store.Config{}, "https://proxy.example/v25", "--graph-url"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := store.Resolve(c.flags, envOf(c.env), c.cfg, store.Values{APIVersion: "v25.0"})
			if err != nil {
				t.Fatal(err)
			}
			if got.GraphURL != c.url || got.Sources.GraphURL != c.source {
				t.Errorf("graph URL %q from %q, want %q from %q", got.GraphURL, got.Sources.GraphURL, c.url, c.source)
			}
		})
	}
	got, err := store.Resolve(store.Values{GraphURL: "https://graph.facebook.com/v24.0"}, nil, store.Config{}, store.Values{})
	if err != nil || got.GraphURL != "https://graph.facebook.com" || got.APIVersion != "v24.0" || got.Sources.APIVersion != "--graph-url" {
		t.Errorf("with no API version set: %+v from %+v, %v; want the URL's version", got.Values, got.Sources, err)
	}
}

func TestResolveRefusesAGraphURLOfAnotherVersionWithTheFix(t *testing.T) {
	profile := configWith(t, "work", store.Profile{GraphURL: "https://graph.facebook.com/v24.0"})
	cases := []struct {
		name  string
		flags store.Values
		env   map[string]string
		cfg   store.Config
		want  []string
	}{
		{"flag against the default", store.Values{GraphURL: "https://graph.facebook.com/v24.0"}, nil, store.Config{},
			[]string{`--graph-url: graph URL "https://graph.facebook.com/v24.0" ends in API version v24.0, but the API version is v25.0 (from default)`,
				"pass --graph-url https://graph.facebook.com", "MPS_API_VERSION=v24.0"}},
		{"env against the flag", store.Values{APIVersion: "v23.0"}, map[string]string{"MPS_GRAPH_URL": "https://graph.facebook.com/v24.0"}, store.Config{},
			[]string{"MPS_GRAPH_URL: ", "the API version is v23.0 (from --api-version)", "set MPS_GRAPH_URL=https://graph.facebook.com "}},
		{"profile", store.Values{Profile: "work"}, nil, profile,
			[]string{`profile "work" in`, "run `mps profile set --graph-url https://graph.facebook.com`"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := store.Resolve(c.flags, envOf(c.env), c.cfg, store.Values{APIVersion: "v25.0"})
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

package store_test

import (
	"strings"
	"testing"
	"time"

	"mps/store"
)

func TestResolveRefresh(t *testing.T) {
	cases := []struct {
		name, flag, env string
		want            time.Duration
	}{
		{"default", "", "", store.DefaultRefresh},
		{"flag", "90s", "", 90 * time.Second},
		{"env", "", "10m", 10 * time.Minute},
		{"flag beats env", "45s", "10m", 45 * time.Second},
		{"minimum", "30s", "", 30 * time.Second},
		{"zero", "0", "", 0},
		{"zero seconds", "0s", "", 0},
		{"off", "", " OFF ", 0},
		{"flag off beats env", "off", "10m", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := store.ResolveRefresh(c.flag, envOf(map[string]string{store.EnvRefresh: c.env}))
			if err != nil || got != c.want {
				t.Fatalf("ResolveRefresh(%q, env %q) = %v, %v; want %v", c.flag, c.env, got, err, c.want)
			}
		})
	}
}

func TestResolveRefreshRefusesNamingTheSource(t *testing.T) {
	cases := []struct {
		name, flag, env string
		want            []string
	}{
		{"below the minimum", "10s", "", []string{"--refresh:", "10s", "minimum of 30s", "rate limits"}},
		{"env below the minimum", "", "29s", []string{"MPS_REFRESH:", "minimum of 30s"}},
		{"garbage", "soon", "", []string{"--refresh:", `"soon"`, "not a duration"}},
		{"env garbage", "", "5", []string{"MPS_REFRESH:", `"5"`, "not a duration"}},
		{"negative", "-5m", "", []string{"--refresh:", "negative"}},
		{"escape in value", "\x1b[2J", "", []string{`"\x1b[2J"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := store.ResolveRefresh(c.flag, envOf(map[string]string{store.EnvRefresh: c.env}))
			if err == nil {
				t.Fatalf("ResolveRefresh(%q, env %q) accepted it", c.flag, c.env)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

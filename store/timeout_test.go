package store_test

import (
	"strings"
	"testing"
	"time"

	"mps/store"
)

func TestResolveTimeout(t *testing.T) {
	cases := []struct {
		flag, env string
		want      time.Duration
	}{
		{"", "", 0},
		{"45s", "", 45 * time.Second},
		{"", "2m", 2 * time.Minute},
		{"1s", "2m", time.Second},
		{" 500ms ", "", 500 * time.Millisecond},
	}
	for _, c := range cases {
		got, err := store.ResolveTimeout(c.flag, envOf(map[string]string{store.EnvTimeout: c.env}))
		if err != nil || got != c.want {
			t.Errorf("ResolveTimeout(%q, env %q) = %v, %v; want %v", c.flag, c.env, got, err, c.want)
		}
	}
}

func TestResolveTimeoutRefusesNamingTheSource(t *testing.T) {
	cases := []struct{ flag, env, want string }{
		{"30", "", `--timeout: timeout "30" is not a duration`},
		{"", "soon", `MPS_TIMEOUT: timeout "soon" is not a duration`},
		{"0s", "", "--timeout: timeout 0s must be more than zero"},
		{"", "-5s", "MPS_TIMEOUT: timeout -5s must be more than zero"},
	}
	for _, c := range cases {
		_, err := store.ResolveTimeout(c.flag, envOf(map[string]string{store.EnvTimeout: c.env}))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ResolveTimeout(%q, env %q) = %v; want %q", c.flag, c.env, err, c.want)
		}
	}
}

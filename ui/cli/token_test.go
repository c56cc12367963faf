package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
	"mps/ui"
)

func TestDescribeTokenWarnsAboutExpiryAndValidity(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		info    graph.TokenInfo
		expires string
		warn    string
	}{
		{graph.TokenInfo{IsValid: true}, "never", ""},
		{graph.TokenInfo{IsValid: true, ExpiresAt: now.Add(5 * time.Hour).Unix()}, "(in 5h0m0s)", ""},
		{graph.TokenInfo{IsValid: true, ExpiresAt: now.Add(60 * 24 * time.Hour).Unix()}, "(in 60 days)", ""},
		{graph.TokenInfo{IsValid: false, ExpiresAt: now.Add(-time.Hour).Unix()}, "(expired)", "expired"},
		{graph.TokenInfo{IsValid: false}, "never", "not valid"},
	}
	for _, c := range cases {
		f := newFields()
		warnings := describeToken(f, &c.info, now)
		var b strings.Builder
		f.write(&b)
		if !strings.Contains(b.String(), c.expires) {
			t.Errorf("%+v: %q lacks %q", c.info, b.String(), c.expires)
		}
		joined := strings.Join(warnings, "; ")
		if (c.warn == "") != (joined == "") || !strings.Contains(joined, c.warn) {
			t.Errorf("%+v: warnings %q, want %q", c.info, joined, c.warn)
		}
	}
}

func TestBlankMPSTokenSaysItIsEmpty(t *testing.T) {
	for _, v := range []string{"", "  \t"} {
		h := seededHarness(t) // the keyring holds a token: a blank MPS_TOKEN must not fall through to it
		h.env[store.EnvToken] = v
		for _, args := range [][]string{{"solutions"}, {"status"}, {"login", "--with-token"}} {
			r := h.runWithInput("EAAOtherToken0000000000", args...)
			wantExit(t, r, ExitAuth, args...)
			if !strings.Contains(r.stderr, "MPS_TOKEN is set but empty") || !strings.Contains(r.stderr, "unset MPS_TOKEN") {
				t.Errorf("mps %v with MPS_TOKEN=%q: %s", args, v, r.stderr)
			}
		}
		if tok, _ := h.keyring.Get(store.Service, store.DefaultProfile); tok != sandbox.DemoToken {
			t.Errorf("login stored a token that the blank MPS_TOKEN would hide")
		}
	}
}

func TestFirstStartWithoutTokenOrKeyringNamesEveryWayIn(t *testing.T) {
	for name, keyringErr := range map[string]error{"no keyring": store.ErrNoKeyring, "an empty keyring": nil} {
		h := loggedOut(t)
		h.env[store.EnvAppID] = sandbox.DemoAppID
		h.keyring.FailWith(keyringErr)
		h.terminal = true
		h.tui = func(context.Context, ui.Config) error { t.Fatal("the dashboard started without a token"); return nil }
		for _, args := range [][]string{{}, {"solutions"}, {"status"}} {
			r := h.run(args...)
			wantExit(t, r, ExitAuth, args...)
			for _, want := range []string{"`mps login`", "MPS_TOKEN", "`mps --demo`"} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("mps %v with %s does not name %s: %s", args, name, want, r.stderr)
				}
			}
		}
	}
}

func TestExpiredTokenFromMPSTokenIsReplacedThere(t *testing.T) {
	h := seededHarness(t)
	h.env[store.EnvToken] = sandbox.DemoToken
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken})
	r := h.run("solutions")
	wantExit(t, r, ExitAuth, "solutions")
	if strings.Contains(r.stderr, "mps login") || !strings.Contains(r.stderr, "set MPS_TOKEN to a new token") {
		t.Errorf("expired MPS_TOKEN: %s", r.stderr)
	}
	delete(h.env, store.EnvToken) // from the keyring, login is the way
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken})
	if r := h.run("solutions"); !strings.Contains(r.stderr, "`mps login`") {
		t.Errorf("expired keyring token: %s", r.stderr)
	}
}

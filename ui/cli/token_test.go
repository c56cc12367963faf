package cli

import (
	"strings"
	"testing"
	"time"

	"mps/graph"
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

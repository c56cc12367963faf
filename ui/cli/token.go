package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"mps/graph"
	"mps/store"
)

// lookupToken finds the token and says where it came from, for the
// commands that report on it (status) rather than just use it.
func (s *Session) lookupToken() (value, source string, err error) {
	if s.demo != nil {
		return s.demo.token, "the demo sandbox", nil
	}
	sec, err := s.secrets.Lookup(store.AccessToken)
	if err != nil {
		return "", sec.Source.String(), authNeeded(err)
	}
	return sec.Value, sec.Source.String(), nil
}

// fixedToken is a token source for a token already in hand.
func fixedToken(token string) graph.TokenSource {
	return func(context.Context) (string, error) { return token, nil }
}

// describeToken adds what debug_token says about a token to f, and returns
// what deserves a warning.
func describeToken(f *table, info *graph.TokenInfo, now time.Time) (warnings []string) {
	if info.Type != "" {
		f.add("Token type", info.Type)
	}
	if info.Application != "" || info.AppID != "" {
		f.add("Token app", strings.TrimSpace(info.Application+" "+parenthesised(info.AppID)))
	}
	f.add("Expires", expiry(info.ExpiresAt, now))
	if info.ExpiresAt > 0 && time.Unix(info.ExpiresAt, 0).Before(now) {
		warnings = append(warnings, "the token has expired")
	}
	if !info.IsValid {
		warnings = append(warnings, "Graph says the token is not valid")
	}
	if len(info.Scopes) > 0 {
		f.add("Scopes", strings.Join(info.Scopes, ", "))
	}
	return warnings
}

func expiry(unix int64, now time.Time) string {
	if unix == 0 {
		return "never"
	}
	at := time.Unix(unix, 0).UTC()
	left := at.Sub(now)
	switch {
	case left <= 0:
		return at.Format(time.RFC3339) + " (expired)"
	case left < 48*time.Hour:
		return fmt.Sprintf("%s (in %s)", at.Format(time.RFC3339), left.Round(time.Minute))
	}
	return fmt.Sprintf("%s (in %d days)", at.Format(time.RFC3339), int(left.Hours()/24))
}

func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

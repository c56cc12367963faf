package cli

import (
	"context"
	"errors"
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
	sec, err := s.accessToken()
	return sec.Value, sec.Source.String(), err
}

// accessToken is MPS_TOKEN or the profile's keyring entry. A failure
// carries exit code 4 and says what to do: an MPS_TOKEN set to blanks is
// named as such rather than passed over for the keyring.
func (s *Session) accessToken() (store.Secret, error) {
	if err := s.blankTokenEnv(); err != nil {
		return store.Secret{Source: store.Source{EnvVar: store.EnvToken}}, err
	}
	sec, err := s.secrets.Lookup(store.AccessToken)
	if err != nil {
		return sec, s.tokenNeeded(err)
	}
	return sec, nil
}

func (s *Session) blankTokenEnv() error {
	if v, set := s.env.LookupEnv(store.EnvToken); !set || strings.TrimSpace(v) != "" {
		return nil
	}
	return &exitError{code: ExitAuth, msg: store.EnvToken + " is set but empty",
		hint: "Set it to an access token, or run `unset " + store.EnvToken + "` to use the keyring's (`mps login` stores one)."}
}

// tokenNeeded is authNeeded for a token lookup. When there is no token at
// all, the store's text names MPS_TOKEN and, with a keyring, `mps login`;
// the hint adds what it leaves out, so that a first start sees every way in.
func (s *Session) tokenNeeded(err error) error {
	e := &exitError{code: ExitAuth, msg: err.Error(), err: err}
	switch {
	case errors.Is(err, store.ErrNoKeyring) || s.env.Keyring == nil:
		e.hint = "`mps login` stores a token once a keyring runs; `mps --demo` needs no token at all."
	case errors.Is(err, store.ErrNotFound):
		e.hint = "Or try `mps --demo`, which needs no token."
	}
	return e
}

// commandWords are the command line's ways out of an error. While MPS_TOKEN
// is set, `mps login` is refused, so a refused token is replaced there.
func commandWords(env Env) graph.Words {
	w := graph.CommandWords()
	if strings.TrimSpace(env.Getenv(store.EnvToken)) != "" {
		w.Login = loginHint(store.Source{EnvVar: store.EnvToken})
	}
	return w
}

// fixedToken is a token source for a token already in hand.
func fixedToken(token string) graph.TokenSource {
	return func(context.Context) (string, error) { return token, nil }
}

// describeToken adds what debug_token says about a token to f, and returns
// what deserves a warning.
func describeToken(f *plainTable, info *graph.TokenInfo, now time.Time) (warnings []string) {
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

package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// Secrets looks up and stores one profile's secrets: the environment
// first, then the keyring.
type Secrets struct {
	Keyring Keyring                 // usually OpenKeyring(...)
	Getenv  func(key string) string // usually os.Getenv; nil reads no environment
	Profile string                  // the resolved profile name
}

// Secret is a secret's value and where it came from.
type Secret struct {
	Value  string
	Source Source
}

// Source says where a secret came from (or, with an error, where it was
// looked for last). Exactly one of EnvVar and Profile is set.
type Source struct {
	EnvVar  string // e.g. "MPS_TOKEN"
	Profile string // the keyring entry of this profile
}

// FromEnv reports whether the secret came from the environment.
func (s Source) FromEnv() bool { return s.EnvVar != "" }

// String is "MPS_TOKEN" or "keyring (service mps, profile default)".
func (s Source) String() string {
	if s.EnvVar != "" {
		return s.EnvVar
	}
	return fmt.Sprintf("keyring (service %s, profile %s)", Service, s.Profile)
}

// EnvSet reports whether kind's environment variable is set (non-blank),
// which overrides the keyring. Login refuses while MPS_TOKEN is set.
func (s Secrets) EnvSet(kind SecretKind) bool {
	return kind.EnvVar() != "" && s.getenv(kind.EnvVar()) != ""
}

// Lookup returns the secret from its environment variable when set, else
// from the profile's keyring entry. A missing secret is an error wrapping
// ErrNotFound; every error says what to do. The returned Source is always set.
func (s Secrets) Lookup(kind SecretKind) (Secret, error) {
	if s.EnvSet(kind) {
		v := s.getenv(kind.EnvVar())
		return Secret{Value: v, Source: Source{EnvVar: kind.EnvVar()}}, nil
	}
	src := Source{Profile: s.Profile}
	if err := s.usable(); err != nil {
		if kind.EnvVar() == "" {
			return Secret{Source: src}, fmt.Errorf("no %s: %w", kind, err)
		}
		return Secret{Source: src}, fmt.Errorf("no %s: %s is not set, and %w", kind, kind.EnvVar(), err)
	}
	v, err := s.Keyring.Get(Service, kind.Account(s.Profile))
	switch {
	case errors.Is(err, ErrNotFound):
		envNotSet := kind.EnvVar() + " is not set and "
		if kind.EnvVar() == "" {
			envNotSet = ""
		}
		return Secret{Source: src}, notFound(fmt.Sprintf("no %s for profile %q: %sthe %s has no entry. %s",
			kind, s.Profile, envNotSet, src, s.howToStore(kind)))
	case err != nil:
		return Secret{Source: src}, fmt.Errorf("cannot read the %s from the %s: %w. %s", kind, src, err, keyringAdvice(err, kind))
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return Secret{Source: src}, notFound(fmt.Sprintf("the %s in the %s is empty. %s", kind, src, s.howToStore(kind)))
	}
	return Secret{Value: v, Source: src}, nil
}

// Save stores value as the profile's kind in the keyring. The value is
// never part of an error.
func (s Secrets) Save(kind SecretKind, value string) error {
	value = strings.TrimSpace(value)
	if err := checkSecretText(kind, value); err != nil {
		return err
	}
	src := Source{Profile: s.Profile}
	if err := s.usable(); err != nil {
		return fmt.Errorf("cannot store the %s: %w", kind, err)
	}
	if err := s.Keyring.Set(Service, kind.Account(s.Profile), value); err != nil {
		return fmt.Errorf("cannot store the %s in the %s: %w. %s", kind, src, err, keyringAdvice(err, kind))
	}
	return nil
}

// Delete removes the profile's kind from the keyring. No entry is an error
// wrapping ErrNotFound, so logout can say there was nothing to remove.
func (s Secrets) Delete(kind SecretKind) error {
	src := Source{Profile: s.Profile}
	if err := s.usable(); err != nil {
		return fmt.Errorf("cannot remove the %s: %w", kind, err)
	}
	err := s.Keyring.Delete(Service, kind.Account(s.Profile))
	switch {
	case errors.Is(err, ErrNotFound):
		return notFound(fmt.Sprintf("the %s has no %s to remove", src, kind))
	case err != nil:
		return fmt.Errorf("cannot remove the %s from the %s: %w. %s", kind, src, err, keyringAdvice(err, kind))
	}
	return nil
}

// TokenFunc returns a lazy token source for the graph client (assignable to
// graph.TokenSource). The first successful lookup is kept, so the keyring
// is asked once per process, not once per request.
func (s Secrets) TokenFunc() func(ctx context.Context) (string, error) {
	return s.lazy(AccessToken, func(error) bool { return false })
}

// StorePasswordFunc returns the shared store's password from the
// profile's keyring entry, for postgres.Options.Password: "" when the
// keyring has none (or there is no keyring), so that PGPASSWORD and the
// pgpass file are tried next. A keyring that is there and fails is an
// error. The first value found is kept for the process's connections.
func (s Secrets) StorePasswordFunc() func(ctx context.Context) (string, error) {
	return s.lazy(StorePassword, func(err error) bool {
		return errors.Is(err, ErrNotFound) || errors.Is(err, ErrNoKeyring) || s.Keyring == nil
	})
}

// lazy looks kind up on first call and keeps the first value found; a
// lookup error for which absent is true gives "" and no error.
func (s Secrets) lazy(kind SecretKind, absent func(error) bool) func(ctx context.Context) (string, error) {
	var mu sync.Mutex
	var found string
	return func(ctx context.Context) (string, error) {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		mu.Lock()
		defer mu.Unlock()
		if found != "" {
			return found, nil
		}
		sec, err := s.Lookup(kind)
		switch {
		case err != nil && absent(err):
			return "", nil
		case err != nil:
			return "", err
		}
		found = sec.Value
		return found, nil
	}
}

// usable reports why the keyring cannot be asked, if it cannot.
func (s Secrets) usable() error {
	if s.Keyring == nil {
		return errors.New("no keyring is open")
	}
	return checkProfileName(s.Profile)
}

func (s Secrets) getenv(key string) string {
	if s.Getenv == nil {
		return ""
	}
	return strings.TrimSpace(s.Getenv(key))
}

func (s Secrets) howToStore(kind SecretKind) string {
	profileFlag := ""
	if s.Profile != DefaultProfile {
		profileFlag = " --profile " + s.Profile
	}
	if kind == AccessToken {
		return fmt.Sprintf("Run `mps login%s`, or set %s", profileFlag, kind.EnvVar())
	}
	command := map[SecretKind]string{AppSecret: "app-secret", VerifyToken: "verify-token", StorePassword: "store-password"}[kind]
	return fmt.Sprintf("Run `mps secret set %s%s` (keyring service %s, account %s), or %s", command, profileFlag, Service, kind.Account(s.Profile), kind.Otherwise())
}

// keyringAdvice says what a person can do about a keyring error.
func keyringAdvice(err error, kind SecretKind) string {
	switch {
	case errors.Is(err, ErrNoKeyring):
		return fmt.Sprintf("Start a Secret Service (such as gnome-keyring) in this session, or %s", kind.Otherwise())
	case errors.Is(err, ErrKeyringTimeout):
		return fmt.Sprintf("Unlock the keyring, or %s", kind.Otherwise())
	}
	return fmt.Sprintf("Check that the keyring is running and unlocked, or %s", kind.Otherwise())
}

// checkSecretText refuses values that cannot be a secret, without echoing them.
func checkSecretText(kind SecretKind, value string) error {
	if value == "" {
		return fmt.Errorf("the %s is empty", kind)
	}
	spacesAllowed := kind == VerifyToken || kind == StorePassword // chosen by a person, not issued by Meta
	for _, r := range value {
		if unicode.IsControl(r) || (!spacesAllowed && unicode.IsSpace(r)) {
			return fmt.Errorf("the %s contains spaces, line breaks or control characters; paste only the %s", kind, kind)
		}
	}
	return nil
}

package store

import (
	"errors"
	"fmt"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// DefaultKeyringTimeout bounds every keyring call: go-keyring can block
// forever when the Secret Service does not answer.
const DefaultKeyringTimeout = 3 * time.Second

// KeyringOptions configures OpenKeyring. The zero value is the real OS keyring.
type KeyringOptions struct {
	Timeout time.Duration // per call; 0 means DefaultKeyringTimeout
	Env     Env           // zero value (nil Getenv) means OSEnv()
	Backend Keyring       // nil means go-keyring; tests pass storetest.MemoryKeyring
}

// OpenKeyring returns the keyring mps uses: the backend behind a per-call
// timeout. On Linux without a session bus it returns a keyring whose every
// call fails at once with an error wrapping ErrNoKeyring, without touching
// the backend. It never falls back to storing secrets anywhere else.
func OpenKeyring(opts KeyringOptions) Keyring {
	env := opts.Env
	if env.Getenv == nil {
		env = OSEnv()
	}
	if why := env.missingSessionBus(); why != "" {
		return unreachableKeyring{err: fmt.Errorf("%w: %s", ErrNoKeyring, why)}
	}
	backend := opts.Backend
	if backend == nil {
		backend = osKeyring{}
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultKeyringTimeout
	}
	return &timeoutKeyring{backend: backend, timeout: timeout}
}

// unreachableKeyring answers every call with the same error.
type unreachableKeyring struct{ err error }

func (k unreachableKeyring) Get(string, string) (string, error) { return "", k.err }
func (k unreachableKeyring) Set(string, string, string) error   { return k.err }
func (k unreachableKeyring) Delete(string, string) error        { return k.err }

// osKeyring is go-keyring with mps's own errors.
type osKeyring struct{}

func (osKeyring) Get(service, user string) (string, error) {
	v, err := gokeyring.Get(service, user)
	return v, fromLibrary(err)
}

func (osKeyring) Set(service, user, secret string) error {
	return fromLibrary(gokeyring.Set(service, user, secret))
}

func (osKeyring) Delete(service, user string) error {
	return fromLibrary(gokeyring.Delete(service, user))
}

func fromLibrary(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gokeyring.ErrNotFound):
		return ErrNotFound
	}
	return fmt.Errorf("keyring: %w", err)
}

package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"mps/store"
	"mps/store/storetest"
)

// busEnv is a Linux environment with or without a session bus.
func busEnv(address string, socketExists bool) store.Env {
	return store.Env{
		Getenv: func(key string) string {
			if key == "DBUS_SESSION_BUS_ADDRESS" {
				return address
			}
			return ""
		},
		FileExists: func(path string) bool { return socketExists && path == "/run/user/1000/bus" },
		UID:        1000,
		GOOS:       "linux",
	}
}

// overBus opens the keyring over backend where the session bus is found.
func overBus(backend store.Keyring) store.Keyring {
	return store.OpenKeyring(store.KeyringOptions{Env: busEnv("unix:path=/x", false), Backend: backend})
}

// withoutBus opens the keyring over backend where no session bus can be found.
func withoutBus(backend store.Keyring) store.Keyring {
	return store.OpenKeyring(store.KeyringOptions{Env: busEnv("", false), Backend: backend})
}

// stuck opens the keyring over a backend that does not answer until
// release, with a timeout short enough for tests.
func stuck() (kr store.Keyring, backend *storetest.MemoryKeyring, release func()) {
	backend = storetest.NewMemoryKeyring()
	release = backend.Block()
	kr = store.OpenKeyring(store.KeyringOptions{Env: busEnv("unix:path=/x", false), Backend: backend, Timeout: 20 * time.Millisecond})
	return kr, backend, release
}

func TestOpenKeyringWithoutSessionBusFailsAtOnceWithoutCallingBackend(t *testing.T) {
	fake := storetest.NewMemoryKeyring()
	kr := withoutBus(fake)

	_, getErr := kr.Get(store.Service, "default")
	setErr := kr.Set(store.Service, "default", "tok")
	delErr := kr.Delete(store.Service, "default")
	for _, err := range []error{getErr, setErr, delErr} {
		if !errors.Is(err, store.ErrNoKeyring) {
			t.Fatalf("err = %v, want ErrNoKeyring", err)
		}
		if !strings.Contains(err.Error(), "/run/user/1000/bus") || !strings.Contains(err.Error(), "DBUS_SESSION_BUS_ADDRESS") {
			t.Errorf("error does not say what is missing: %v", err)
		}
	}
	if fake.Calls() != 0 {
		t.Errorf("backend called %d times without a session bus", fake.Calls())
	}
}

func TestOpenKeyringUsesBackendWhenABusCanBeFound(t *testing.T) {
	cases := map[string]store.Env{
		"address set":   busEnv("unix:path=/tmp/bus", false),
		"socket exists": busEnv("", true),
		"not linux":     {Getenv: func(string) string { return "" }, GOOS: "darwin"},
	}
	for name, env := range cases {
		t.Run(name, func(t *testing.T) {
			fake := storetest.NewMemoryKeyring()
			kr := store.OpenKeyring(store.KeyringOptions{Env: env, Backend: fake})
			if err := kr.Set(store.Service, "default", "tok"); err != nil {
				t.Fatal(err)
			}
			got, err := kr.Get(store.Service, "default")
			if err != nil || got != "tok" {
				t.Fatalf("Get = %q, %v", got, err)
			}
			if fake.Calls() != 2 {
				t.Errorf("backend calls = %d, want 2", fake.Calls())
			}
		})
	}
}

func TestKeyringThatNeverAnswersTimesOut(t *testing.T) {
	kr, fake, release := stuck()
	t.Cleanup(release)

	_, err := kr.Get(store.Service, "default")
	if !errors.Is(err, store.ErrKeyringTimeout) {
		t.Fatalf("Get err = %v, want ErrKeyringTimeout", err)
	}
	if !strings.Contains(err.Error(), "did not answer") {
		t.Errorf("error does not say the keyring did not answer: %v", err)
	}
	// While that call is stuck, later calls fail without queueing behind it.
	if err := kr.Set(store.Service, "default", "tok"); !errors.Is(err, store.ErrKeyringTimeout) {
		t.Fatalf("Set err = %v, want ErrKeyringTimeout", err)
	}
	if fake.Calls() != 1 {
		t.Errorf("backend calls = %d, want 1 (the stuck one)", fake.Calls())
	}
}

func TestKeyringWorksAgainOnceTheStuckCallReturns(t *testing.T) {
	kr, _, release := stuck()
	if _, err := kr.Get(store.Service, "default"); !errors.Is(err, store.ErrKeyringTimeout) {
		t.Fatalf("err = %v, want ErrKeyringTimeout", err)
	}
	release()
	// The abandoned call finishes in the background; wait for the wrapper to notice.
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := kr.Set(store.Service, "default", "tok")
		if err == nil {
			break
		}
		if !errors.Is(err, store.ErrKeyringTimeout) || time.Now().After(deadline) {
			t.Fatalf("keyring did not recover: %v", err)
		}
		time.Sleep(time.Millisecond)
	}
	if got, err := kr.Get(store.Service, "default"); err != nil || got != "tok" {
		t.Fatalf("Get = %q, %v", got, err)
	}
}

func TestKeyringPassesNotFoundAndFailuresThrough(t *testing.T) {
	fake := storetest.NewMemoryKeyring()
	kr := overBus(fake)
	if _, err := kr.Get(store.Service, "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	boom := errors.New("collection is locked")
	fake.FailWith(boom)
	if err := kr.Delete(store.Service, "default"); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the backend's error", err)
	}
}

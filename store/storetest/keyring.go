// Package storetest has, for tests in any package, a fake keyring (safe
// under -race, unlike go-keyring's MockInit) and child processes that run
// one test of the test binary.
package storetest

import (
	"fmt"
	"sync"

	"mps/store"
)

// MemoryKeyring is an in-memory store.Keyring. It can be told to fail or
// to block, like a Secret Service that errors or never answers.
type MemoryKeyring struct {
	mu      sync.Mutex
	entries map[entryKey]string
	failure error
	gate    chan struct{} // non-nil: calls wait until it is closed
	calls   int
}

type entryKey struct{ service, user string }

// NewMemoryKeyring returns an empty keyring that answers at once.
func NewMemoryKeyring() *MemoryKeyring {
	return &MemoryKeyring{entries: map[entryKey]string{}}
}

// Get returns the secret, or an error wrapping store.ErrNotFound.
func (k *MemoryKeyring) Get(service, user string) (string, error) {
	if err := k.enter(); err != nil {
		return "", err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.entries[entryKey{service, user}]
	if !ok {
		return "", fmt.Errorf("memory keyring: %s/%s: %w", service, user, store.ErrNotFound)
	}
	return v, nil
}

// Set stores the secret.
func (k *MemoryKeyring) Set(service, user, secret string) error {
	if err := k.enter(); err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.entries[entryKey{service, user}] = secret
	return nil
}

// Delete removes the secret, or returns an error wrapping store.ErrNotFound.
func (k *MemoryKeyring) Delete(service, user string) error {
	if err := k.enter(); err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	key := entryKey{service, user}
	if _, ok := k.entries[key]; !ok {
		return fmt.Errorf("memory keyring: %s/%s: %w", service, user, store.ErrNotFound)
	}
	delete(k.entries, key)
	return nil
}

// FailWith makes every later call return err; nil makes calls work again.
func (k *MemoryKeyring) FailWith(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.failure = err
}

// Block makes every later call wait until release is called, like a
// keyring that never answers. Calls already waiting go on after release.
func (k *MemoryKeyring) Block() (release func()) {
	gate := make(chan struct{})
	k.mu.Lock()
	k.gate = gate
	k.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			k.mu.Lock()
			if k.gate == gate {
				k.gate = nil
			}
			k.mu.Unlock()
			close(gate)
		})
	}
}

// Calls counts the calls that reached the keyring.
func (k *MemoryKeyring) Calls() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.calls
}

// Len is the number of stored entries.
func (k *MemoryKeyring) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.entries)
}

func (k *MemoryKeyring) enter() error {
	k.mu.Lock()
	k.calls++
	gate, failure := k.gate, k.failure
	k.mu.Unlock()
	if gate != nil {
		<-gate
	}
	return failure
}

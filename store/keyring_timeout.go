package store

import (
	"fmt"
	"sync/atomic"
	"time"
)

// timeoutKeyring runs each call on its own goroutine and gives up after
// timeout. A call that gave up keeps running in the background; while one
// is still stuck, later calls fail at once instead of stacking up.
type timeoutKeyring struct {
	backend Keyring
	timeout time.Duration
	stuck   atomic.Int32 // calls that timed out and have not returned yet
}

const (
	callRunning int32 = iota
	callFinished
	callAbandoned
)

type keyringResult struct {
	value string
	err   error
}

func (k *timeoutKeyring) Get(service, user string) (string, error) {
	return k.run(func() (string, error) { return k.backend.Get(service, user) })
}

func (k *timeoutKeyring) Set(service, user, secret string) error {
	_, err := k.run(func() (string, error) { return "", k.backend.Set(service, user, secret) })
	return err
}

func (k *timeoutKeyring) Delete(service, user string) error {
	_, err := k.run(func() (string, error) { return "", k.backend.Delete(service, user) })
	return err
}

func (k *timeoutKeyring) run(call func() (string, error)) (string, error) {
	if k.stuck.Load() > 0 {
		return "", fmt.Errorf("%w: an earlier request has waited more than %v and is still waiting", ErrKeyringTimeout, k.timeout)
	}
	var state atomic.Int32
	done := make(chan keyringResult, 1)
	go func() {
		v, err := call()
		if !state.CompareAndSwap(callRunning, callFinished) {
			k.stuck.Add(-1)
		}
		done <- keyringResult{v, err}
	}()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.value, r.err
	case <-timer.C:
		if state.CompareAndSwap(callRunning, callAbandoned) {
			k.stuck.Add(1)
			return "", fmt.Errorf("%w within %v (it may be locked and waiting for a password)", ErrKeyringTimeout, k.timeout)
		}
		r := <-done
		return r.value, r.err
	}
}

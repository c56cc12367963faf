package storetest

import (
	"testing"
	"time"
)

// Patience bounds a wait for something that must come: a test that gets
// it later has failed, whatever the machine's load.
const Patience = 20 * time.Second

// Receive waits up to Patience for the next value on ch and returns it;
// what names what was awaited, for the failure when it does not come or
// the channel closes instead.
func Receive[T any](t testing.TB, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v, ok := <-ch:
		if !ok {
			t.Fatalf("%s: the channel closed instead", what)
		}
		return v
	case <-time.After(Patience):
		t.Fatalf("%s: nothing after %v", what, Patience)
	}
	var zero T
	return zero
}

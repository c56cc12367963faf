package graph

// NewFakeClock gives the external (sandbox) tests the same fake clock.
func NewFakeClock() *fakeClock { return newFakeClock() }

package store

// sentinelError lets the package's sentinel errors be constants.
type sentinelError string

func (e sentinelError) Error() string { return string(e) }

const (
	// ErrNotFound means the keyring has no entry for the profile.
	ErrNotFound = sentinelError("no entry in the keyring")
	// ErrNoKeyring means no keyring can be reached at all (on Linux: no D-Bus session bus).
	ErrNoKeyring = sentinelError("no keyring reachable")
	// ErrKeyringTimeout means the keyring did not answer in time; it may be
	// locked and waiting for a password prompt.
	ErrKeyringTimeout = sentinelError("the keyring did not answer")
)

// notFoundError carries its own message and matches ErrNotFound.
type notFoundError struct{ msg string }

func (e notFoundError) Error() string { return e.msg }
func (e notFoundError) Unwrap() error { return ErrNotFound }

func notFound(msg string) error { return notFoundError{msg: msg} }

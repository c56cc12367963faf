package postgres

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
)

// PasswordError says that the server refused the role's login for want
// of the right password (SQLSTATE 28P01): mps found none, or the one it
// found is wrong. It never holds the password.
type PasswordError struct {
	User string
	Host string
	// From is where the password came from: "the keyring", "PGPASSWORD"
	// or "the pgpass file PATH"; "" when none was found.
	From string
	Err  error
}

func (e *PasswordError) Error() string {
	if e.From == "" {
		return "the shared store at " + e.Host + " asks role " + e.User + " for a password, and none was found (keyring, PGPASSWORD, pgpass file)"
	}
	return "the shared store at " + e.Host + " refused the password of role " + e.User + " from " + e.From
}

func (e *PasswordError) Unwrap() error { return e.Err }

// passwordRefused reports whether err is the server refusing the login's
// password.
func passwordRefused(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "28P01"
}

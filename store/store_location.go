package store

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// IsStoreURL reports whether a store setting names a PostgreSQL server
// rather than a SQLite directory: postgres.IsURL's rule, which store cannot
// import (store/postgres's tests import storetest, which imports store).
func IsStoreURL(value string) bool {
	return strings.HasPrefix(value, "postgres://") || strings.HasPrefix(value, "postgresql://")
}

// errStorePassword is a store URL that carries a password. Its text never
// holds the URL: the password would be in it.
var errStorePassword = errors.New("the store URL holds a password: remove it, and keep the password in the keyring " +
	"(`mps secret set store-password`), in PGPASSWORD or in a pgpass file")

// normalizeStore checks a store setting: a postgres:// URL without a
// password, or an absolute directory, cleaned. A relative path is refused
// because a profile's setting must not depend on where mps is started. A
// password in the URL is refused here too, before it can reach the config
// file; postgres.Config refuses it again where the URL is used.
func normalizeStore(raw string) (string, error) {
	if IsStoreURL(raw) {
		u, err := url.Parse(raw)
		if err != nil {
			return "", errors.New("the store URL is not valid: use the form postgres://USER@HOST:PORT/DATABASE")
		}
		if _, has := u.User.Password(); has || u.Query().Has("password") {
			return "", errStorePassword
		}
		return raw, nil
	}
	if scheme, _, ok := strings.Cut(raw, "://"); ok {
		// Only the scheme is quoted: the rest may hold a password.
		return "", fmt.Errorf("store URL %s://… is not a PostgreSQL URL: use postgres://USER@HOST:PORT/DATABASE, or a directory", quoteShort(scheme))
	}
	if !filepath.IsAbs(raw) {
		return "", fmt.Errorf("store %s is a relative path: give the absolute path of the directory for events.db and journal.db, or a postgres:// URL", quoteShort(raw))
	}
	return filepath.Clean(raw), nil
}

package postgres_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mps/store/postgres"
	"mps/store/storetest"
)

// A role the server asks for a password logs in with the one mps finds,
// in its order (keyring, PGPASSWORD, pgpass file); a wrong or missing one
// is a PasswordError that names the role, the server and where the
// password came from, and never holds the password.
func TestTheStorePasswordLogsIn(t *testing.T) {
	admin := storetest.Postgres(t)
	openCounting(t, admin) // the owner migrates; the role below only reads
	url, password := storetest.PostgresPasswordRole(t, admin, "SELECT ON runs, mps_schema")
	keyring := func(p string) func(context.Context) (string, error) {
		return func(context.Context) (string, error) { return p, nil }
	}
	env := func(vars ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(vars); i += 2 {
				if vars[i] == k {
					return vars[i+1]
				}
			}
			return ""
		}
	}
	passfile := filepath.Join(t.TempDir(), "pgpass")
	if err := os.WriteFile(passfile, []byte("localhost:*:*:*:"+password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wrongPassfile := filepath.Join(t.TempDir(), "pgpass")
	if err := os.WriteFile(wrongPassfile, []byte("localhost:*:*:*:not-it\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		o    postgres.Options
		from string // "" for a login that works
	}{
		{"keyring", postgres.Options{Password: keyring(password)}, ""},
		{"PGPASSWORD", postgres.Options{Getenv: env("PGPASSWORD", password)}, ""},
		{"pgpass file", postgres.Options{Getenv: env("PGPASSFILE", passfile)}, ""},
		{"the keyring wins", postgres.Options{Password: keyring(password), Getenv: env("PGPASSWORD", "not-it")}, ""},
		{"a wrong keyring wins too", postgres.Options{Password: keyring("not-it"), Getenv: env("PGPASSWORD", password)}, "the keyring"},
		{"wrong PGPASSWORD", postgres.Options{Getenv: env("PGPASSWORD", "not-it")}, "PGPASSWORD"},
		{"wrong pgpass file", postgres.Options{Getenv: env("PGPASSFILE", wrongPassfile)}, "the pgpass file " + wrongPassfile},
		{"none", postgres.Options{Getenv: env()}, "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := postgres.Open(context.Background(), url, c.o, counting())
			if c.from == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				d.Close()
				return
			}
			var refused *postgres.PasswordError
			if !errors.As(err, &refused) {
				t.Fatalf("Open = %v; want a PasswordError", err)
			}
			if want := strings.TrimPrefix(c.from, "none"); refused.From != want || !strings.Contains(url, "//"+refused.User+"@") || refused.Host == "" {
				t.Errorf("PasswordError{User: %q, Host: %q, From: %q}; want the URL's role, a host, From %q", refused.User, refused.Host, refused.From, want)
			}
			if strings.Contains(err.Error(), password) || strings.Contains(err.Error(), "not-it") {
				t.Errorf("the error holds a password: %v", err)
			}
		})
	}
}

package postgres_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"mps/store/postgres"
	"mps/store/storetest"
)

// counting is a schema whose one migration records each time it runs.
func counting() postgres.Schema {
	return postgres.Schema{Name: "test store", Migrations: []string{
		`CREATE TABLE IF NOT EXISTS runs (at timestamptz NOT NULL DEFAULT now());
		INSERT INTO runs DEFAULT VALUES;`,
	}}
}

func openCounting(t *testing.T, url string) *postgres.DB {
	t.Helper()
	d, err := postgres.Open(context.Background(), url, postgres.Options{}, counting())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func runs(t *testing.T, d *postgres.DB) int {
	t.Helper()
	var n int
	if err := d.SQL.QueryRow("SELECT count(*) FROM runs").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Processes that open a new store at once migrate it once: the advisory
// lock makes the later ones wait, and they find it done.
func TestOpensAtOnceMigrateOnce(t *testing.T) {
	url := storetest.Postgres(t)
	const opens = 6
	var wg sync.WaitGroup
	errs := make([]error, opens)
	for i := range opens {
		wg.Go(func() {
			d, err := postgres.Open(context.Background(), url, postgres.Options{}, counting())
			if err == nil {
				d.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := runs(t, openCounting(t, url)); n != 1 {
		t.Fatalf("the migration ran %d times, want once", n)
	}
}

func TestANewerSchemaIsRefused(t *testing.T) {
	url := storetest.Postgres(t)
	d := openCounting(t, url)
	if _, err := d.SQL.Exec(`UPDATE mps_schema SET version = 99 WHERE name = 'test store'`); err != nil {
		t.Fatal(err)
	}
	_, err := postgres.Open(context.Background(), url, postgres.Options{}, counting())
	if err == nil || !strings.Contains(err.Error(), "upgrade mps") || !strings.Contains(err.Error(), "version 99") {
		t.Fatalf("Open of a schema at version 99 = %v; want to be told to upgrade mps", err)
	}
	if n := runs(t, d); n != 1 {
		t.Fatalf("the refused store was migrated again (%d runs)", n)
	}
}

// A role that may not migrate is told who may; one that may only read a
// store that is up to date opens it; one that may not read mps_schema is
// told which GRANT it lacks.
func TestARoleThatMayNotMigrateIsToldWhoMay(t *testing.T) {
	ctx := context.Background()
	url := storetest.Postgres(t)
	_, err := postgres.Open(ctx, storetest.PostgresRole(t, url), postgres.Options{}, counting())
	if !errors.Is(err, postgres.ErrMayNotMigrate) || !strings.Contains(err.Error(), "run `mps store migrate` as the database's owner") {
		t.Fatalf("Open by a role without privileges on a new store = %v; want postgres.ErrMayNotMigrate", err)
	}
	done, err := postgres.Migrate(ctx, url, postgres.Options{}, counting())
	if want := (postgres.Migration{Name: counting().Name, From: 0, To: counting().Version()}); err != nil || done != want {
		t.Fatalf("Migrate of a new store = %+v, %v; want %+v", done, err, want)
	}
	again, err := postgres.Migrate(ctx, url, postgres.Options{}, counting())
	if want := (postgres.Migration{Name: counting().Name, From: counting().Version(), To: counting().Version()}); err != nil || again != want {
		t.Fatalf("Migrate of a store up to date = %+v, %v; want %+v", again, err, want)
	}
	reader, err := postgres.Open(ctx, storetest.PostgresRole(t, url, "SELECT ON mps_schema, runs"), postgres.Options{}, counting())
	if err != nil {
		t.Fatalf("a reader of a store up to date: %v", err)
	}
	reader.Close()
	_, err = postgres.Open(ctx, storetest.PostgresRole(t, url, "SELECT ON runs"), postgres.Options{}, counting())
	if err == nil || !strings.Contains(err.Error(), "GRANT SELECT ON mps_schema") {
		t.Fatalf("a role that may not read mps_schema: %v", err)
	}
}

// closedPort is a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

// A server that is not there is an postgres.UnreachableError naming it, and no
// error, from any path, contains the password.
func TestAnUnreachableServerIsNamedAndThePasswordIsNot(t *testing.T) {
	const password = "pw-7f3a9c-never-shown"
	port := strconv.Itoa(closedPort(t))
	o := postgres.Options{Getenv: env(map[string]string{"PGPASSWORD": password})}
	ctx := context.Background()
	url := "postgres://mps@127.0.0.1:" + port + "/mps"
	var errs []error
	_, err := postgres.Open(ctx, url, o, counting())
	errs = append(errs, err)
	var unreachable *postgres.UnreachableError
	if !errors.As(err, &unreachable) || unreachable.Host != "127.0.0.1:"+port {
		t.Fatalf("Open of a closed port = %v; want an postgres.UnreachableError for 127.0.0.1:%s", err, port)
	}
	if !strings.HasPrefix(err.Error(), "the shared store at 127.0.0.1:"+port+" is unreachable: ") {
		t.Errorf("message %q", err)
	}
	// pgx tries with TLS, then without, and says each: the cause is told once.
	if n := strings.Count(err.Error(), "connection refused"); n != 1 {
		t.Errorf("the message says the cause %d times, want once: %q", n, err)
	}
	_, err = postgres.Migrate(ctx, url, o, counting())
	errs = append(errs, err)
	_, err = postgres.Open(ctx, "postgres://mps:"+password+"@127.0.0.1:"+port+"/mps", postgres.Options{}, counting())
	errs = append(errs, err)
	keyringPassword := postgres.Options{Password: keyring(password)}
	_, err = postgres.Open(ctx, url, keyringPassword, counting())
	errs = append(errs, err)
	for i, err := range errs {
		if err == nil {
			t.Fatalf("call %d: no error", i)
		}
		if strings.Contains(err.Error(), password) {
			t.Errorf("call %d: the error text holds the password: %v", i, err)
		}
	}
}

// The server going away mid-use, and the server refusing a login, are
// told apart: only the first is unreachable.
func TestAServerGoneMidUseIsUnreachable(t *testing.T) {
	ctx := context.Background()
	url := storetest.Postgres(t)
	proxy, viaProxy := storetest.PostgresProxy(t, url)
	d := openCounting(t, viaProxy)
	proxy.Stop()
	_, err := d.SQL.ExecContext(ctx, "SELECT 1")
	var unreachable *postgres.UnreachableError
	if err = d.Err(ctx, err); !errors.As(err, &unreachable) {
		t.Fatalf("a query with the server gone: %v; want an postgres.UnreachableError", err)
	}
	proxy.Start()
	if _, err := d.SQL.ExecContext(ctx, "SELECT 1"); err != nil {
		t.Fatalf("the pool did not reconnect once the server was back: %v", err)
	}
	_, err = postgres.Open(ctx, strings.Replace(url, "/mps_test_", "/no_such_db_", 1), postgres.Options{}, counting())
	if err == nil || errors.As(err, &unreachable) {
		t.Fatalf("a database that does not exist: %v; want an error that is not unreachable", err)
	}
}

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

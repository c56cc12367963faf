package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgresEnv names the admin URL of the PostgreSQL server tests may make
// databases on (no password: trust or peer authentication, as .ci/postgres
// sets up).
const PostgresEnv = "MPS_TEST_POSTGRES"

// Postgres gives a fresh, empty database on the server PostgresEnv names,
// dropped at cleanup, and returns its URL. Without PostgresEnv the test is
// skipped, except when CI is set: there the server must be there.
func Postgres(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(PostgresEnv)
	if admin == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set, and CI is: .ci/run starts a PostgreSQL server for the tests", PostgresEnv)
		}
		t.Skipf("no PostgreSQL server for this test: set %s to an admin URL, e.g. `eval \"$(.ci/postgres start)\"`", PostgresEnv)
	}
	name := "mps_test_" + randomHex(t, 6)
	adminExec(t, admin, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	t.Cleanup(func() {
		adminExec(t, admin, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	})
	return withDatabase(t, admin, name)
}

// PostgresRole makes a role that may log in and holds exactly the given
// privileges on the database at dbURL, each granted as `GRANT <grant> TO
// role` ("SELECT, INSERT ON events"), and returns dbURL for that role. The
// role is dropped at cleanup.
func PostgresRole(t testing.TB, dbURL string, grants ...string) string {
	t.Helper()
	role := "mps_role_" + randomHex(t, 6)
	quoted := pgx.Identifier{role}.Sanitize()
	adminExec(t, dbURL, "CREATE ROLE "+quoted+" LOGIN")
	t.Cleanup(func() {
		adminExec(t, dbURL, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"+role+"'")
		adminExec(t, dbURL, "DROP OWNED BY "+quoted)
		adminExec(t, dbURL, "DROP ROLE "+quoted)
	})
	for _, g := range grants {
		adminExec(t, dbURL, "GRANT "+g+" TO "+quoted)
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	return u.String()
}

// passwordGroup is the role whose members the test server asks for a
// password (.ci/postgres's pg_hba.conf); it trusts everyone else.
const passwordGroup = "mps_password_login"

// PostgresPasswordRole is PostgresRole for a role that logs in with a
// password: it makes one (random, returned) and the role, and checks that
// the server asks for it. A server that lets the role in without it (one
// started before .ci/postgres set its pg_hba.conf) skips the test, or
// fails it under CI.
func PostgresPasswordRole(t testing.TB, dbURL string, grants ...string) (roleURL, password string) {
	t.Helper()
	adminExec(t, dbURL, `DO $$ BEGIN CREATE ROLE `+passwordGroup+` NOLOGIN;
		EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
	roleURL = PostgresRole(t, dbURL, grants...)
	u, err := url.Parse(roleURL)
	if err != nil {
		t.Fatal(err)
	}
	password = randomHex(t, 12) // hex: nothing to quote in the statement
	role := pgx.Identifier{u.User.Username()}.Sanitize()
	adminExec(t, dbURL, "ALTER ROLE "+role+" PASSWORD '"+password+"'")
	adminExec(t, dbURL, "GRANT "+passwordGroup+" TO "+role)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if conn, err := pgx.Connect(ctx, roleURL); err == nil {
		conn.Close(ctx)
		if os.Getenv("CI") != "" {
			t.Fatalf("the test server lets a member of %s in without its password: .ci/postgres start writes the pg_hba.conf line that asks for one", passwordGroup)
		}
		t.Skipf("the test server lets a member of %s in without its password: start it again with `eval \"$(.ci/postgres start)\"`", passwordGroup)
	}
	return roleURL, password
}

// adminExec runs stmt on the server at rawURL as its URL's user.
func adminExec(t testing.TB, rawURL, stmt string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, rawURL)
	if err != nil {
		t.Fatalf("connecting to the test server (%s): %v", PostgresEnv, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, stmt); err != nil {
		t.Fatalf("%s: %v", strings.Fields(stmt)[0], err)
	}
}

// withDatabase is the admin URL naming the database name instead.
func withDatabase(t testing.TB, admin, name string) string {
	t.Helper()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", PostgresEnv, err)
	}
	u.Path = "/" + name
	q := u.Query()
	q.Del("dbname")
	u.RawQuery = q.Encode()
	return u.String()
}

func randomHex(t testing.TB, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

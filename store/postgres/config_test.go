package postgres_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"mps/store/postgres"
)

// env is a Getenv over a map.
func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func keyring(p string) func(context.Context) (string, error) {
	return func(context.Context) (string, error) { return p, nil }
}

// pgpass writes a pgpass file of lines at mode and returns its path.
func pgpass(t *testing.T, mode os.FileMode, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pgpass")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
	return path
}

func TestAPasswordInTheURLIsRefusedAndNotRepeated(t *testing.T) {
	for _, u := range []string{
		"postgres://mps:hunter2-secret@db.example.com/mps",
		"postgres://mps@db.example.com/mps?password=hunter2-secret",
		"postgresql://mps:hunter2-secret@/mps?host=/tmp",
	} {
		_, err := postgres.Config(context.Background(), u, postgres.Options{})
		if !errors.Is(err, postgres.ErrPasswordInURL) {
			t.Errorf("postgres.Config(%s) = %v, want postgres.ErrPasswordInURL", postgres.Redact(u), err)
		} else if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("the refusal repeats the password: %v", err)
		}
		if !strings.Contains(err.Error(), "mps secret set store-password") {
			t.Errorf("the refusal does not say where the password goes: %v", err)
		}
	}
	// A URL that cannot be read may hold a password where url.Parse fails.
	_, err := postgres.Config(context.Background(), "postgres://mps:hunter2%zz@db/mps", postgres.Options{})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("an unreadable URL: %v; want an error that does not quote it", err)
	}
	if _, err := postgres.Config(context.Background(), "/home/u/events.db", postgres.Options{}); err == nil {
		t.Fatal("a path was taken for a PostgreSQL URL")
	}
}

func TestThePasswordComesFromTheKeyringThenPGPASSWORDThenPgpass(t *testing.T) {
	passfile := pgpass(t, 0o600,
		"# host:port:database:user:password",
		"other.example.com:5432:mps:mps:wrong-host",
		"db.example.com:5432:mps:mps:from-pgpass",
		"localhost:55432:*:mps:from-pgpass-socket")
	tests := []struct {
		name    string
		url     string
		keyring string
		env     map[string]string
		want    string
	}{
		{"keyring first", "postgres://mps@db.example.com/mps", "from-keyring", map[string]string{"PGPASSWORD": "from-env", "PGPASSFILE": passfile}, "from-keyring"},
		{"then PGPASSWORD", "postgres://mps@db.example.com/mps", "", map[string]string{"PGPASSWORD": "from-env", "PGPASSFILE": passfile}, "from-env"},
		{"then the pgpass file's entry", "postgres://mps@db.example.com/mps", "", map[string]string{"PGPASSFILE": passfile}, "from-pgpass"},
		{"a socket matches localhost", "postgres://mps@/mps?host=/tmp/pg&port=55432", "", map[string]string{"PGPASSFILE": passfile}, "from-pgpass-socket"},
		{"~/.pgpass without PGPASSFILE", "postgres://mps@db.example.com/mps", "", map[string]string{"HOME": filepath.Dir(passfile)}, ""},
		{"no entry for the host", "postgres://mps@third.example.com/mps", "", map[string]string{"PGPASSFILE": passfile}, ""},
		{"none at all", "postgres://mps@db.example.com/mps", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := postgres.Config(context.Background(), tt.url, postgres.Options{Password: keyring(tt.keyring), Getenv: env(tt.env)})
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Password != tt.want {
				t.Fatalf("password %q, want %q", cfg.Password, tt.want)
			}
		})
	}
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, ".pgpass"), []byte("*:*:*:*:from-home\n"), 0o600)
	cfg, err := postgres.Config(context.Background(), "postgres://mps@db.example.com/mps", postgres.Options{Getenv: env(map[string]string{"HOME": home})})
	if err != nil || cfg.Password != "from-home" {
		t.Fatalf("~/.pgpass: %q, %v; want from-home", cfg.Password, err)
	}
}

// Only Options decide: the process's own PGPASSWORD, PGSSLMODE and pgpass
// file, which pgx would read, do not.
func TestTheProcessEnvironmentIsNotRead(t *testing.T) {
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, ".pgpass"), []byte("*:*:*:*:from-process-home\n"), 0o600)
	t.Setenv("HOME", home)
	t.Setenv("PGPASSWORD", "from-process")
	t.Setenv("PGSSLMODE", "disable")
	cfg, err := postgres.Config(context.Background(), "postgres://mps@db.example.com/mps", postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Password != "" {
		t.Errorf("password %q taken from the process's environment", cfg.Password)
	}
	if cfg.TLSConfig == nil {
		t.Error("the process's PGSSLMODE=disable turned TLS off")
	}
}

func TestAPgpassFileOthersMayReadIsRefused(t *testing.T) {
	passfile := pgpass(t, 0o644, "*:*:*:*:pw")
	_, err := postgres.Config(context.Background(), "postgres://mps@db.example.com/mps", postgres.Options{Getenv: env(map[string]string{"PGPASSFILE": passfile})})
	if err == nil || !strings.Contains(err.Error(), "chmod 600 "+passfile) {
		t.Fatalf("a pgpass file at 0644: %v; want an error saying to chmod 600 it", err)
	}
}

func TestAKeyringThatFailsSaysSo(t *testing.T) {
	failing := func(context.Context) (string, error) { return "", errors.New("the Secret Service is locked") }
	_, err := postgres.Config(context.Background(), "postgres://mps@db.example.com/mps", postgres.Options{Password: failing})
	if err == nil || !strings.Contains(err.Error(), "Secret Service is locked") {
		t.Fatalf("Config with a failing keyring = %v", err)
	}
}

// tlsOf says how cfg reaches its server: "verify-full", "unverified" (TLS
// without checking the certificate: require, or prefer's first try),
// "none"; with "+plain fallback" when prefer may go on without TLS.
func tlsOf(cfg *pgx.ConnConfig) string {
	mode := "none"
	if c := cfg.TLSConfig; c != nil {
		mode = "unverified"
		if !c.InsecureSkipVerify && c.ServerName != "" {
			mode = "verify-full"
		}
	}
	for _, f := range cfg.Fallbacks {
		if f.TLSConfig == nil {
			return mode + "+plain fallback"
		}
	}
	return mode
}

func TestTLSIsVerifiedForARemoteHostUnlessAskedOtherwise(t *testing.T) {
	tests := []struct {
		url       string
		pgsslmode string
		want      string
	}{
		{"postgres://mps@db.example.com/mps", "", "verify-full"},
		{"postgres://mps@203.0.113.7:5432/mps", "", "verify-full"},
		{"postgres://mps@localhost,db.example.com/mps", "", "verify-full"},
		{"postgres://mps@db.example.com/mps?sslmode=disable", "", "none"},
		{"postgres://mps@db.example.com/mps?sslmode=require", "verify-full", "unverified"},
		{"postgres://mps@db.example.com/mps", "require", "unverified"},
		{"postgres://mps@db.example.com/mps", "disable", "none"},
		{"postgres://mps@localhost/mps", "", "unverified+plain fallback"},
		{"postgres://mps@127.0.0.1:5432/mps", "", "unverified+plain fallback"},
		{"postgres://mps@[::1]:5432/mps", "", "unverified+plain fallback"},
		{"postgres://mps@/mps?host=/run/postgresql", "", "none"},
	}
	for _, tt := range tests {
		cfg, err := postgres.Config(context.Background(), tt.url, postgres.Options{Getenv: env(map[string]string{"PGSSLMODE": tt.pgsslmode})})
		if err != nil {
			t.Errorf("%s (PGSSLMODE=%q): %v", tt.url, tt.pgsslmode, err)
			continue
		}
		if got := tlsOf(cfg); got != tt.want {
			t.Errorf("%s (PGSSLMODE=%q): TLS %s, want %s", tt.url, tt.pgsslmode, got, tt.want)
		}
	}
}

func TestAConnectionAttemptIsBounded(t *testing.T) {
	cfg, err := postgres.Config(context.Background(), "postgres://mps@db.example.com/mps", postgres.Options{})
	if err != nil || cfg.ConnectTimeout <= 0 {
		t.Fatalf("ConnectTimeout = %v, %v; want a bound", cfg.ConnectTimeout, err)
	}
	cfg, err = postgres.Config(context.Background(), "postgres://mps@db.example.com/mps?connect_timeout=3", postgres.Options{})
	if err != nil || cfg.ConnectTimeout != 3*time.Second {
		t.Fatalf("the URL's connect_timeout=3 gave %v, %v", cfg.ConnectTimeout, err)
	}
}

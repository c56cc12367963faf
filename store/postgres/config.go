package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgpassfile"
	"github.com/jackc/pgx/v5"
)

// Options are where the store's password and environment come from.
type Options struct {
	// Password returns the store password from the keyring ("" and nil
	// when none is set). Nil: no keyring.
	Password func(ctx context.Context) (string, error)
	// Getenv reads PGPASSWORD, PGPASSFILE, PGSSLMODE and HOME (APPDATA on
	// Windows) for the rules below; nil reads nothing.
	Getenv func(string) string
}

func (o Options) getenv(k string) string {
	if o.Getenv == nil {
		return ""
	}
	return o.Getenv(k)
}

// ErrPasswordInURL says that the store URL holds a password, which would
// end up in argv, the config file and the shell's history.
var ErrPasswordInURL = errors.New("the store URL holds a password: remove it, and keep the password in the keyring (`mps secret set store-password`), in PGPASSWORD or in a pgpass file")

// defaultConnectTimeout bounds a connection attempt when the URL sets no
// connect_timeout, so that a command against a host that drops packets
// says it is unreachable instead of hanging.
const defaultConnectTimeout = 10 * time.Second

// Config is the connection configuration for the store at rawURL, by
// mps's rules, which are all here:
//   - a password inside the URL is refused (ErrPasswordInURL);
//   - the password is the keyring's, else PGPASSWORD, else the pgpass
//     file's (PGPASSFILE, else ~/.pgpass) entry for the host, port,
//     database and user;
//   - a host that is neither loopback nor a unix socket gets
//     sslmode=verify-full, unless the URL or PGSSLMODE sets an sslmode:
//     an explicit one, even disable, is the user's choice.
//
// What the URL leaves out (host, user, database) pgx fills in by libpq's
// own defaults. No error of Config contains the password.
func Config(ctx context.Context, rawURL string, o Options) (*pgx.ConnConfig, error) {
	cfg, _, err := configFrom(ctx, rawURL, o)
	return cfg, err
}

// configFrom is Config, and where the password came from (findPassword's
// words; "" when none was found).
func configFrom(ctx context.Context, rawURL string, o Options) (*pgx.ConnConfig, string, error) {
	if !IsURL(rawURL) {
		return nil, "", errors.New("a PostgreSQL store URL starts with postgres:// or postgresql://")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Parse quotes its input, which may hold a password.
		return nil, "", errors.New("the store URL cannot be read: write it as postgres://USER@HOST:PORT/DATABASE")
	}
	if passwordInURL(u) {
		return nil, "", ErrPasswordInURL
	}
	q := u.Query()
	mode := q.Get("sslmode")
	if mode == "" {
		mode = o.getenv("PGSSLMODE")
	}
	explicit := mode != ""
	if !explicit {
		mode = "prefer" // libpq's default, for loopback and sockets
	}
	cfg, err := parse(u, mode)
	if err != nil {
		return nil, "", err
	}
	if !explicit && !allLocal(cfg) {
		if cfg, err = parse(u, "verify-full"); err != nil {
			return nil, "", err
		}
	}
	password, from, err := findPassword(ctx, cfg, o)
	if err != nil {
		return nil, "", err
	}
	// Always set, so that pgx's own reading of the process's PGPASSWORD
	// and pgpass file never decides: the rules above do.
	cfg.Password = password
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = defaultConnectTimeout
	}
	return cfg, from, nil
}

// parse is pgx's configuration of u with the given sslmode.
func parse(u *url.URL, sslmode string) (*pgx.ConnConfig, error) {
	withMode := *u
	q := u.Query()
	q.Set("sslmode", sslmode)
	withMode.RawQuery = q.Encode()
	cfg, err := pgx.ParseConfig(withMode.String())
	if err != nil {
		return nil, fmt.Errorf("the store URL %s cannot be used: %w", Redact(u.String()), err)
	}
	return cfg, nil
}

// allLocal reports whether every host the configuration may connect to is
// a unix socket or a loopback address.
func allLocal(cfg *pgx.ConnConfig) bool {
	if !isLocal(cfg.Host) {
		return false
	}
	for _, f := range cfg.Fallbacks {
		if !isLocal(f.Host) {
			return false
		}
	}
	return true
}

func isLocal(host string) bool {
	if strings.HasPrefix(host, "/") || strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// findPassword applies the password order: keyring, PGPASSWORD, pgpass;
// from says which gave it ("the keyring", "PGPASSWORD", "the pgpass file
// PATH"), "" when none did.
func findPassword(ctx context.Context, cfg *pgx.ConnConfig, o Options) (password, from string, err error) {
	if o.Password != nil {
		p, err := o.Password(ctx)
		if err != nil {
			return "", "", fmt.Errorf("reading the store password from the keyring: %w", err)
		}
		if p != "" {
			return p, "the keyring", nil
		}
	}
	if p := o.getenv("PGPASSWORD"); p != "" {
		return p, "PGPASSWORD", nil
	}
	p, err := passfilePassword(cfg, o)
	if p == "" || err != nil {
		return "", "", err
	}
	return p, "the pgpass file " + passfilePath(o), nil
}

// passfilePassword is the pgpass file's password for cfg, "" when there
// is no file or no entry. Like libpq, a socket matches the host localhost.
func passfilePassword(cfg *pgx.ConnConfig, o Options) (string, error) {
	path := passfilePath(o)
	if path == "" {
		return "", nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", nil // no pgpass file: no password from it
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("the pgpass file %s may be read by other users: run `chmod 600 %s` (PostgreSQL ignores it otherwise too)", path, path)
	}
	pf, err := pgpassfile.ReadPassfile(path)
	if err != nil {
		return "", fmt.Errorf("the pgpass file %s cannot be read: %w", path, err)
	}
	host := cfg.Host
	if strings.HasPrefix(host, "/") {
		host = "localhost"
	}
	return pf.FindPassword(host, strconv.Itoa(int(cfg.Port)), cfg.Database, cfg.User), nil
}

func passfilePath(o Options) string {
	if p := o.getenv("PGPASSFILE"); p != "" {
		return p
	}
	if runtime.GOOS == "windows" {
		if dir := o.getenv("APPDATA"); dir != "" {
			return filepath.Join(dir, "postgresql", "pgpass.conf")
		}
		return ""
	}
	if home := o.getenv("HOME"); home != "" {
		return filepath.Join(home, ".pgpass")
	}
	return ""
}

// hostLabel names the server cfg connects to first, for messages.
func hostLabel(cfg *pgx.ConnConfig) string {
	if strings.HasPrefix(cfg.Host, "/") {
		return filepath.Join(cfg.Host, ".s.PGSQL."+strconv.Itoa(int(cfg.Port)))
	}
	return net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
}

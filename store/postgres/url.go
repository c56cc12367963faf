package postgres

import (
	"net/url"
	"strings"
)

// IsURL reports whether s names a PostgreSQL store rather than a SQLite path.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// shownQueryKeys are the URL parameters Redact keeps: where the server is
// and how it is reached, never a credential or a file's contents.
func shownQueryKeys() []string { return []string{"host", "port", "dbname", "sslmode"} }

// Redact is the URL without its password or any other query parameter than
// those naming the server and the TLS mode: for messages ("the event log at
// postgres://mps@db.example.com:5432/mps"). A URL that cannot be read shows
// as "postgres://(unreadable URL)": its text may hold a password.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !IsURL(raw) {
		return "postgres://(unreadable URL)"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	var kept []string
	q := u.Query()
	for _, k := range shownQueryKeys() {
		for _, v := range q[k] {
			kept = append(kept, k+"="+readableEscape(v))
		}
	}
	u.RawQuery = strings.Join(kept, "&")
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// readableEscape is url.QueryEscape without the escapes a query value
// does not need, so that a socket directory reads as one: host=/tmp/pg,
// not host=%2Ftmp%2Fpg.
func readableEscape(v string) string {
	return strings.NewReplacer("%2F", "/", "%3A", ":").Replace(url.QueryEscape(v))
}

// passwordInURL reports whether the URL carries a password, in its user
// part or as a parameter.
func passwordInURL(u *url.URL) bool {
	if _, set := u.User.Password(); set {
		return true
	}
	return u.Query().Has("password")
}

package postgres_test

import (
	"testing"

	"mps/store/postgres"
)

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://db/mps": true, "postgresql://db/mps": true,
		"/home/u/.local/state/mps/default/events.db": false, "events.db": false,
		"POSTGRES://db": false, "host=db dbname=mps": false, "": false,
	} {
		if got := postgres.IsURL(s); got != want {
			t.Errorf("postgres.IsURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRedactKeepsWhereTheServerIsAndNothingSecret(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://mps:s3cret@db.example.com:5432/mps":                                              "postgres://mps@db.example.com:5432/mps",
		"postgres://mps@db.example.com/mps?sslmode=require&password=s3cret&sslkey=/k&options=-c%20x": "postgres://mps@db.example.com/mps?sslmode=require",
		"postgres://postgres@/postgres?host=/tmp/pgdev&port=55432":                                   "postgres://postgres@/postgres?host=/tmp/pgdev&port=55432",
		"postgresql://[::1]:5433/mps#frag":                                                           "postgresql://[::1]:5433/mps",
		"postgres://mps:pa%zz@db/mps":                                                                "postgres://(unreadable URL)",
		"/a/sqlite/path.db":                                                                          "postgres://(unreadable URL)",
	} {
		if got := postgres.Redact(in); got != want {
			t.Errorf("postgres.Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT 1":              "SELECT 1",
		"a = ? AND b IN (?, ?)": "a = $1 AND b IN ($2, $3)",
		"x = '?' AND y = ?":     "x = '?' AND y = $1",
		`"odd?name" = ? AND z = 'it''s ? here' AND ?`: `"odd?name" = $1 AND z = 'it''s ? here' AND $2`,
		"json_extract(raw, '$.value') = ? LIMIT ?":    "json_extract(raw, '$.value') = $1 LIMIT $2",
	} {
		if got := postgres.Rebind(in); got != want {
			t.Errorf("postgres.Rebind(%q) = %q, want %q", in, got, want)
		}
	}
}

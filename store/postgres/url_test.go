package postgres_test

import (
	"testing"

	"mps/store/postgres"
)

func TestIsURL(t *testing.T) {
	checkEach(t, "postgres.IsURL", postgres.IsURL, map[string]bool{
		"postgres://db/mps": true, "postgresql://db/mps": true,
		"/home/u/.local/state/mps/default/events.db": false, "events.db": false,
		"POSTGRES://db": false, "host=db dbname=mps": false, "": false,
	})
}

func TestRedactKeepsWhereTheServerIsAndNothingSecret(t *testing.T) {
	checkEach(t, "postgres.Redact", postgres.Redact, map[string]string{
		"postgres://mps:s3cret@db.example.com:5432/mps":                                              "postgres://mps@db.example.com:5432/mps",
		"postgres://mps@db.example.com/mps?sslmode=require&password=s3cret&sslkey=/k&options=-c%20x": "postgres://mps@db.example.com/mps?sslmode=require",
		"postgres://postgres@/postgres?host=/tmp/pgdev&port=55432":                                   "postgres://postgres@/postgres?host=/tmp/pgdev&port=55432",
		"postgresql://[::1]:5433/mps#frag":                                                           "postgresql://[::1]:5433/mps",
		"postgres://mps:pa%zz@db/mps":                                                                "postgres://(unreadable URL)",
		"/a/sqlite/path.db":                                                                          "postgres://(unreadable URL)",
	})
}

func TestRebind(t *testing.T) {
	checkEach(t, "postgres.Rebind", postgres.Rebind, map[string]string{
		"SELECT 1":              "SELECT 1",
		"a = ? AND b IN (?, ?)": "a = $1 AND b IN ($2, $3)",
		"x = '?' AND y = ?":     "x = '?' AND y = $1",
		`"odd?name" = ? AND z = 'it''s ? here' AND ?`: `"odd?name" = $1 AND z = 'it''s ? here' AND $2`,
		"json_extract(raw, '$.value') = ? LIMIT ?":    "json_extract(raw, '$.value') = $1 LIMIT $2",
	})
}

// checkEach checks that f gives each input of cases its wanted result.
func checkEach[W comparable](t *testing.T, name string, f func(string) W, cases map[string]W) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %#v, want %#v", name, in, got, want)
		}
	}
}

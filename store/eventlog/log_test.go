package eventlog

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// t0 is the tests' reference time.
func t0() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC) }

// queryAll runs query on l's database and scans every row with scan,
// failing t on any error.
func queryAll[T any](t *testing.T, l *Log, scan func(*sql.Rows) (T, error), query string, args ...any) []T {
	t.Helper()
	rows, err := l.db.Query(l.pg.Rebind(query), args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func partnerAdded(key, waba, solution string, at time.Time) Event {
	return Event{
		Key: key, Received: at.Add(time.Second), EntryTime: at, EntryID: "506914307656634",
		Object: "whatsapp_business_account", Field: "account_update", Event: EventPartnerAdded,
		SolutionID: solution, WABAID: waba, OwnerBusinessID: "6143763655652543",
		BusinessIDs: []string{"506914307656634", "116133292427920"}, Known: true,
		Raw: json.RawMessage(fmt.Sprintf(`{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":%q,"solution_id":%q}}}`, waba, solution)),
	}
}

func solutionEvent(key, event, status string, at time.Time) Event {
	return Event{
		Key: key, Received: at, EntryTime: at, EntryID: "506914307656634",
		Field: "partner_solutions", Event: event, SolutionID: "774485461512159", Status: status, Known: true,
		Raw: json.RawMessage(`{"field":"partner_solutions","value":{"event":"` + event + `"}}`),
	}
}

func TestAppendRoundTripsEveryField(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		in := partnerAdded("k1", "102290129340398", "303610109049230", t0())
		in.PartnerAppID = "934567812345678"
		n, err := l.Append(context.Background(), []Event{in})
		if err != nil || n != 1 {
			t.Fatalf("Append = %d, %v", n, err)
		}
		got, err := l.List(context.Background(), Query{})
		if err != nil || len(got) != 1 {
			t.Fatalf("List = %v, %v", got, err)
		}
		in.ID = got[0].ID
		if got[0].ID <= 0 || !reflect.DeepEqual(got[0], in) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got[0], in)
		}
	})
}

func TestAppendStoresARedeliveryOnce(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		ctx := context.Background()
		e := partnerAdded("same-key", "1", "9", t0())
		if n, err := l.Append(ctx, []Event{e, e}); err != nil || n != 1 {
			t.Fatalf("same change twice in one batch: inserted %d, %v; want 1", n, err)
		}
		later := e
		later.Received = t0().Add(72 * time.Hour)
		if n, err := l.Append(ctx, []Event{later, partnerAdded("other", "2", "9", t0())}); err != nil || n != 1 {
			t.Fatalf("redelivery days later: inserted %d, %v; want only the new one", n, err)
		}
		all, _ := l.List(ctx, Query{})
		if len(all) != 2 || !all[0].Received.Equal(e.Received) {
			t.Fatalf("stored %d rows (first received %v); want 2, the first kept as first received", len(all), all[0].Received)
		}
	})
}

func TestAppendIsAllOrNothing(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		ctx := context.Background()
		_, err := l.Append(ctx, []Event{partnerAdded("a", "1", "9", t0()), {Raw: json.RawMessage(`{}`)}})
		if err == nil {
			t.Fatal("an event without a key was accepted")
		}
		ctxDone, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := l.Append(ctxDone, []Event{partnerAdded("b", "2", "9", t0())}); err == nil {
			t.Fatal("Append with a cancelled context reported success")
		}
		if all, _ := l.List(ctx, Query{}); len(all) != 0 {
			t.Fatalf("a failed Append left %d rows", len(all))
		}
	})
}

func TestListFilters(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		ctx := context.Background()
		events := []Event{
			solutionEvent("s1", "SOLUTION_CREATED", "INITIATED", t0()),
			partnerAdded("p1", "1", "9", t0().Add(time.Hour)),
			solutionEvent("s2", "SOLUTION_UPDATED", "ACTIVE", t0().Add(2*time.Hour)),
			partnerAdded("p2", "2", "9", t0().Add(3*time.Hour)),
		}
		if _, err := l.Append(ctx, events); err != nil {
			t.Fatal(err)
		}
		keys := func(q Query) []string {
			got, err := l.List(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var ks []string
			for _, e := range got {
				ks = append(ks, e.Key)
			}
			return ks
		}
		all, _ := l.List(ctx, Query{})
		tests := []struct {
			name string
			q    Query
			want []string
		}{
			{"all, oldest first", Query{}, []string{"s1", "p1", "s2", "p2"}},
			{"field", Query{Field: "partner_solutions"}, []string{"s1", "s2"}},
			{"event", Query{Event: "SOLUTION_UPDATED"}, []string{"s2"}},
			{"since (received)", Query{Since: t0().Add(90 * time.Minute)}, []string{"s2", "p2"}},
			{"after id", Query{AfterID: all[1].ID}, []string{"s2", "p2"}},
			{"limit", Query{Limit: 3}, []string{"s1", "p1", "s2"}},
			{"field and after id", Query{Field: "account_update", AfterID: all[1].ID}, []string{"p2"}},
			{"nothing matches", Query{Field: "messages"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := keys(tt.q); !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("List(%+v) = %v, want %v", tt.q, got, tt.want)
				}
			})
		}
	})
}

func TestCountPartnerAdded(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		ctx := context.Background()
		noTime := partnerAdded("p5", "5", "B", time.Time{})
		noTime.Received = t0()
		_, err := l.Append(ctx, []Event{
			partnerAdded("p1", "1", "A", t0().Add(-8*24*time.Hour)), // outside the week
			partnerAdded("p2", "2", "A", t0().Add(-6*24*time.Hour)),
			partnerAdded("p3", "3", "A", t0().Add(-time.Hour)),
			partnerAdded("p3-again", "3", "A", t0()), // the same WABA reported twice
			partnerAdded("p4", "4", "B", t0()),
			noTime, // counted by when it was received
			solutionEvent("s1", "SOLUTION_CREATED", "INITIATED", t0()),
		})
		if err != nil {
			t.Fatal(err)
		}
		total, per, err := l.CountPartnerAdded(ctx, t0().Add(-7*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if total != 4 || !reflect.DeepEqual(per, map[string]int{"A": 2, "B": 2}) {
			t.Fatalf("CountPartnerAdded = %d %v; want 4 map[A:2 B:2]", total, per)
		}
	})
}

func TestWABAsSeen(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		ctx := context.Background()
		removed := partnerAdded("r2", "2", "A", t0().Add(time.Hour))
		removed.Event = EventPartnerRemoved
		_, err := l.Append(ctx, []Event{
			partnerAdded("p1", "1", "A", t0()),
			partnerAdded("p2", "2", "A", t0()),
			removed,
			partnerAdded("p1-b", "1", "B", t0().Add(2*time.Hour)),
			solutionEvent("s1", "SOLUTION_CREATED", "INITIATED", t0()),
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.WABAsSeen(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []SeenWABA{
			{WABAID: "1", SolutionID: "B", FirstSeen: t0()},
			{WABAID: "2", SolutionID: "A", FirstSeen: t0(), Removed: true},
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("WABAsSeen = %+v, want %+v", got, want)
		}
	})
}

func TestOpenMakesAPrivateFile(t *testing.T) {
	l := logs().Temp(t)
	info, err := os.Stat(l.Path())
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", info.Mode().Perm())
	}
	dir, _ := os.Stat(filepath.Dir(l.Path()))
	if dir.Mode().Perm() != 0o700 {
		t.Fatalf("directory mode %v, want 0700", dir.Mode().Perm())
	}
	var mode string
	if err := l.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var sync int
	if err := l.db.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
		t.Fatalf("synchronous = %d, %v; want 2 (FULL)", sync, err)
	}
}

func TestOpenRefusesBadPaths(t *testing.T) {
	for _, p := range []string{"", filepath.Join(t.TempDir(), "a?b.db")} {
		if l, err := Open(context.Background(), p); err == nil {
			l.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
	notADB := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(notADB, []byte("this is not a database, just text that is long enough to have a header"), 0o600)
	if l, err := Open(context.Background(), notADB); err == nil {
		l.Close()
		t.Error("Open accepted a file that is not a database")
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		profile string
		env     map[string]string
		want    string
		wantErr bool
	}{
		{"default", map[string]string{"XDG_STATE_HOME": "/x/state", "HOME": "/home/u"}, "/x/state/mps/default/events.db", false},
		{"work", map[string]string{"HOME": "/home/u"}, "/home/u/.local/state/mps/work/events.db", false},
		{"work", map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/state/mps/work/events.db", false},
		{"../etc", map[string]string{"HOME": "/home/u"}, "", true},
		{"", map[string]string{"HOME": "/home/u"}, "", true},
	}
	for _, tt := range tests {
		got, err := DefaultPath(tt.profile, env(tt.env))
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("DefaultPath(%q) = %q, %v; want %q (error %v)", tt.profile, got, err, tt.want, tt.wantErr)
		}
	}
}

// A field holding NUL or bytes that are not UTF-8 (a webhook's "\u0000")
// is stored, with U+FFFD in their place, rather than failing the delivery
// on every redelivery: PostgreSQL's text refuses both.
func TestTextPostgreSQLRefusesIsStoredReplaced(t *testing.T) {
	logs().EachNew(t, func(t *testing.T, l *Log) {
		e := partnerAdded("k\x00", "1", "9", t0())
		e.Status, e.EntryID = "A\x00B", "bad \xff byte"
		if n, err := l.Append(context.Background(), []Event{e}); err != nil || n != 1 {
			t.Fatalf("Append = %d, %v", n, err)
		}
		got, err := l.List(context.Background(), Query{})
		if err != nil || len(got) != 1 {
			t.Fatalf("List = %v, %v", got, err)
		}
		if got[0].Key != "k\uFFFD" || got[0].Status != "A\uFFFDB" || got[0].EntryID != "bad \uFFFD byte" {
			t.Fatalf("stored %q %q %q", got[0].Key, got[0].Status, got[0].EntryID)
		}
	})
}

package sandbox

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"mps/graph"
)

func TestPagingSizes(t *testing.T) {
	c := newTClient(t, Options{WABAs: 1000})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	for _, tc := range []struct {
		limit string
		want  int
	}{{"", 25}, {"0", 25}, {"1", 1}, {"100", 100}, {"101", 100}, {"5000", 100}} {
		query := url.Values{}
		if tc.limit != "" {
			query.Set("limit", tc.limit)
		}
		page := ok[graph.Page[graph.WABA]](t, c.get(path, query))
		if len(page.Data) != tc.want || !page.HasNext() {
			t.Errorf("limit=%q: %d items (next %v), want %d with next", tc.limit, len(page.Data), page.HasNext(), tc.want)
		}
	}
	for _, bad := range []string{"-1", "ten", "1.5"} {
		failed(t, c.get(path, q("limit", bad)), 400, 100)
	}
}

func TestPagingWalksEverythingOnceAndEnds(t *testing.T) {
	c := newTClient(t, Options{WABAs: 1000})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	got := allWABAs(t, c, path, "")
	if want := wabaIDs(c.s.WABAs()); !slices.Equal(got, want) {
		t.Fatalf("walked %d IDs, want %d in order", len(got), len(want))
	}
	// A full last page (1000 = 10 x 100) still has no next.
	if len(got) != 1000 {
		t.Fatalf("walked %d", len(got))
	}
}

func TestPagingNextLinks(t *testing.T) {
	c := newTClient(t, Options{WABAs: 60})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	page := ok[graph.Page[graph.WABA]](t, c.get(path, q("limit", "50", "fields", "id,name")))
	next, err := url.Parse(page.Paging.Next)
	if err != nil {
		t.Fatal(err)
	}
	if "http://"+next.Host != c.srv.URL || next.Path != testVersion+path {
		t.Fatalf("next %q is not on the sandbox's own edge", page.Paging.Next)
	}
	if next.Query().Get("fields") != "id,name" || next.Query().Get("after") != page.Paging.Cursors.After || next.Query().Has("access_token") {
		t.Fatalf("next %q: want fields kept, after set, no token", page.Paging.Next)
	}
	// Following next as is gives the last page, which has no next but a previous.
	r, err := c.do("GET", next.Path, next.Query(), "")
	if err != nil {
		t.Fatal(err)
	}
	last := ok[graph.Page[graph.WABA]](t, r)
	if len(last.Data) != 10 || last.HasNext() || last.Paging.Previous == "" {
		t.Fatalf("last page: %d items, paging %+v", len(last.Data), last.Paging)
	}
	// Like the real API, a token given in the query comes back in next.
	c.token = ""
	withToken := ok[graph.Page[graph.WABA]](t, c.get(path, q("limit", "10", "access_token", DemoToken)))
	if !strings.Contains(withToken.Paging.Next, "access_token="+DemoToken) {
		t.Fatalf("next %q lacks the query token", withToken.Paging.Next)
	}
}

func TestPagingBeforeCursor(t *testing.T) {
	c := newTClient(t, Options{WABAs: 100})
	path := "/" + DemoBusinessID + "/client_whatsapp_business_accounts"
	all := wabaIDs(c.s.WABAs())
	second := ok[graph.Page[graph.WABA]](t, c.get(path, q("limit", "10", "after", encodeCursor(9))))
	if !slices.Equal(wabaIDs(second.Data), all[10:20]) || second.Paging.Previous == "" {
		t.Fatalf("after item 9: %v", wabaIDs(second.Data))
	}
	back := ok[graph.Page[graph.WABA]](t, c.get(path, q("limit", "10", "before", second.Paging.Cursors.Before)))
	if !slices.Equal(wabaIDs(back.Data), all[:10]) || !back.HasNext() || back.Paging.Previous != "" {
		t.Fatalf("before: %v, paging %+v", wabaIDs(back.Data), back.Paging)
	}
	for _, bad := range []string{"zzz", "c2J4MTp4", encodeCursor(3) + "!"} {
		failed(t, c.get(path, q("after", bad)), 400, 100)
	}
	// A cursor past the end gives an empty page without paging.
	empty := ok[graph.Page[graph.WABA]](t, c.get(path, q("after", encodeCursor(10_000))))
	if len(empty.Data) != 0 || empty.Paging != nil {
		t.Fatalf("past the end: %+v", empty)
	}
}

// Cursors are opaque to clients but stable: the same item, the same cursor.
func TestCursorRoundTrip(t *testing.T) {
	for _, ord := range []int{0, 1, 99, 123456} {
		got, err := decodeCursor("after", encodeCursor(ord))
		if err != nil || got != ord {
			t.Errorf("cursor for %d decodes to %d (%v)", ord, got, err)
		}
	}
}

func TestPaginateFiltered(t *testing.T) {
	even := func(ord int) bool { return ord%2 == 0 }
	win := paginate(span(10), even, pageArgs{limit: 2, after: 1, hasAfter: true})
	if !slices.Equal(win.ords, []int{2, 4}) || !win.more || !win.earlier {
		t.Fatalf("after 1: %+v", win)
	}
	win = paginate(span(10), even, pageArgs{limit: 3, after: 4, hasAfter: true})
	if !slices.Equal(win.ords, []int{6, 8}) || win.more {
		t.Fatalf("tail: %+v", win)
	}
	win = paginate(span(10), even, pageArgs{limit: 2, before: 6, hasBefore: true})
	if !slices.Equal(win.ords, []int{2, 4}) || !win.more || !win.earlier {
		t.Fatalf("before 6: %+v", win)
	}
	win = paginate(int32s{}, nil, pageArgs{limit: 25})
	if len(win.ords) != 0 || win.more || win.earlier {
		t.Fatalf("empty: %+v", win)
	}
}

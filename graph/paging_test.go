package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// pageBody is a list page with the given IDs, after cursor and next URL.
func pageBody(ids []string, after, next string) string {
	var items []string
	for _, id := range ids {
		items = append(items, fmt.Sprintf(`{"id":%q,"name":"n%s","status":"ACTIVE"}`, id, id))
	}
	paging := ""
	if after != "" || next != "" {
		paging = fmt.Sprintf(`,"paging":{"cursors":{"before":"b","after":%q}`, after)
		if next != "" {
			paging += fmt.Sprintf(`,"next":%q`, next)
		}
		paging += "}"
	}
	return `{"data":[` + strings.Join(items, ",") + `]` + paging + `}`
}

// pagedByCursor serves pages[cursor] for the request's after parameter.
func pagedByCursor(pages map[string]string) func(int, *http.Request) reply {
	return func(_ int, r *http.Request) reply {
		body, ok := pages[r.URL.Query().Get("after")]
		if !ok {
			return reply{status: 400, body: graphErrorBody(100, 0, "bad cursor")}
		}
		return reply{body: body}
	}
}

// wantOwned reads the owner list of app 9 through c and fails t unless it
// is want, read without error.
func wantOwned(t *testing.T, c *Client, want ...string) {
	t.Helper()
	got, err := c.AppSolutions(context.Background(), "9", SolutionQuery{Role: RoleOwner})
	if err != nil || !slices.Equal(ids(got), want) {
		t.Fatalf("AppSolutions = %v, %v; want %v", ids(got), err, want)
	}
}

func ids(list []Solution) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

func TestPagingEmptyPageWithNextContinues(t *testing.T) {
	srv := newStub(t, pagedByCursor(map[string]string{
		"":   pageBody([]string{"1", "2"}, "c1", "https://graph.facebook.com/v25.0/9/whatsapp_business_solutions?after=c1"),
		"c1": pageBody(nil, "c2", "https://graph.facebook.com/v25.0/9/whatsapp_business_solutions?after=c2"),
		"c2": pageBody([]string{"3"}, "c3", ""),
	}))
	c, _ := newTestClient(t, srv)
	wantOwned(t, c, "1", "2", "3")
	if n := len(srv.requests()); n != 3 {
		t.Errorf("requests = %d, want 3", n)
	}
}

func TestPagingCursorsWithoutNextEnds(t *testing.T) {
	srv := newStub(t, pagedByCursor(map[string]string{
		"":   pageBody([]string{"1"}, "c1", ""),
		"c1": pageBody([]string{"never"}, "", ""),
	}))
	c, _ := newTestClient(t, srv)
	wantOwned(t, c, "1")
	if n := len(srv.requests()); n != 1 {
		t.Errorf("requests = %d, want 1: a page without next is the last", n)
	}
}

func TestPagingWithoutPagingBlockEnds(t *testing.T) {
	srv := newStub(t, always(reply{body: `{"data":[{"id":"1"}]}`}))
	c, _ := newTestClient(t, srv)
	got, err := c.WABASolutions(context.Background(), "9")
	if err != nil || len(got) != 1 || len(srv.requests()) != 1 {
		t.Fatalf("WABASolutions = %v, %v after %d requests", got, err, len(srv.requests()))
	}
}

// TestPagingNeverFollowsForeignNext serves a next URL on a second listener,
// with a token in it, and checks that nothing ever reaches that listener.
func TestPagingNeverFollowsForeignNext(t *testing.T) {
	foreign := newStub(t, always(reply{body: pageBody([]string{"stolen"}, "", "")}))
	next := foreign.URL + "/v25.0/9/whatsapp_business_solutions?access_token=" + testToken + "&after=c1"
	srv := newStub(t, pagedByCursor(map[string]string{
		"":   pageBody([]string{"1"}, "c1", next),
		"c1": pageBody([]string{"2"}, "c2", foreign.URL+"/elsewhere"),
		"c2": pageBody([]string{"3"}, "c2x", ""),
	}))
	c, _ := newTestClient(t, srv)
	wantOwned(t, c, "1", "2", "3")
	if n := len(foreign.requests()); n != 0 {
		t.Fatalf("%d requests reached the foreign host", n)
	}
	for i, r := range srv.requests() {
		if r.Path != "/v25.0/9/whatsapp_business_solutions" {
			t.Errorf("request %d path = %q", i, r.Path)
		}
		q := query(t, r.RawQuery)
		if want := []string{"", "c1", "c2"}[i]; q.Get("after") != want {
			t.Errorf("request %d after = %q, want %q", i, q.Get("after"), want)
		}
		if q.Has("access_token") {
			t.Errorf("request %d carries access_token", i)
		}
	}
}

func TestPagingNextWithoutCursorStops(t *testing.T) {
	srv := newStub(t, always(reply{body: pageBody([]string{"1"}, "", "https://graph.facebook.com/next")}))
	c, _ := newTestClient(t, srv)
	got, err := c.AppSolutions(context.Background(), "9", SolutionQuery{Role: RoleOwner})
	if !errors.Is(err, ErrNoCursor) || !slices.Equal(ids(got), []string{"1"}) {
		t.Fatalf("AppSolutions = %v, %v; want the first page and ErrNoCursor", ids(got), err)
	}
}

func TestPagingRepeatedCursorStops(t *testing.T) {
	srv := newStub(t, pagedByCursor(map[string]string{
		"":   pageBody([]string{"1"}, "c1", "n"),
		"c1": pageBody([]string{"2"}, "c1", "n"),
	}))
	c, _ := newTestClient(t, srv)
	_, err := c.AppSolutions(context.Background(), "9", SolutionQuery{Role: RoleOwner})
	if !errors.Is(err, ErrRepeatedCursor) || len(srv.requests()) != 2 {
		t.Fatalf("err = %v after %d requests, want ErrRepeatedCursor after 2", err, len(srv.requests()))
	}
}

func TestPagingEmptyPagesMayRepeatACursorAFewTimes(t *testing.T) {
	stalls := 0
	srv := newStub(t, func(_ int, r *http.Request) reply {
		switch after := r.URL.Query().Get("after"); {
		case after == "":
			return reply{body: pageBody([]string{"1"}, "c1", "n")}
		case stalls < 2:
			stalls++
			return reply{body: pageBody(nil, "c1", "n")}
		default:
			return reply{body: pageBody([]string{"2"}, "c2", "")}
		}
	})
	c, _ := newTestClient(t, srv)
	wantOwned(t, c, "1", "2")

	forever := newStub(t, always(reply{body: pageBody(nil, "c1", "n")}))
	c, _ = newTestClient(t, forever)
	if _, err := c.AppSolutions(context.Background(), "9", SolutionQuery{Role: RoleOwner}); !errors.Is(err, ErrRepeatedCursor) {
		t.Fatalf("err = %v, want ErrRepeatedCursor", err)
	}
	if n := len(forever.requests()); n != 2+maxStalls {
		t.Errorf("requests = %d, want %d", n, 2+maxStalls)
	}
}

func TestPagingStopsWhenTheCallerStops(t *testing.T) {
	srv := newStub(t, func(n int, _ *http.Request) reply {
		return reply{body: pageBody([]string{fmt.Sprint(n)}, fmt.Sprintf("c%d", n), "n")}
	})
	c, _ := newTestClient(t, srv)
	pages := 0
	for page, err := range c.AppSolutionPages(context.Background(), "9", SolutionQuery{Role: RoleOwner}) {
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if pages == 2 || len(page.Data) == 0 {
			break
		}
	}
	if n := len(srv.requests()); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
}

func TestPagingQuery(t *testing.T) {
	cases := []struct {
		q           SolutionQuery
		limit, role string
		fields      string
	}{
		{SolutionQuery{Role: RoleOwner}, "100", "OWNER", solutionListFields},
		{SolutionQuery{Limit: 250, Role: RolePartner}, "100", "PARTNER", solutionListFields},
		{SolutionQuery{Limit: -3, Role: RoleOwner}, "100", "OWNER", solutionListFields},
		{SolutionQuery{Limit: 10, Role: RoleOwner}, "10", "OWNER", solutionListFields},
		{SolutionQuery{Role: RolePartner, Detailed: true}, "100", "PARTNER", SolutionFields},
	}
	for _, c := range cases {
		srv := newStub(t, always(reply{body: `{"data":[]}`}))
		cl, _ := newTestClient(t, srv)
		if _, err := cl.AppSolutions(context.Background(), "9", c.q); err != nil {
			t.Fatal(err)
		}
		q := query(t, srv.requests()[0].RawQuery)
		if q.Get("limit") != c.limit || q.Get("role") != c.role || q.Get("fields") != c.fields {
			t.Errorf("%+v: query = %v", c.q, q)
		}
	}
	if !strings.Contains(SolutionFields, "partners{") || !strings.Contains(SolutionFields, "owner_app{") {
		t.Errorf("detailed fields do not expand partners and owner app: %s", SolutionFields)
	}
}

func TestDetailedListNeedsNoPerSolutionRequest(t *testing.T) {
	body := `{"data":[` + strings.TrimSpace(readGuide(t, "solution_before_accepting.json")) + `,` +
		strings.TrimSpace(readGuide(t, "solution_name_status_partners.json")) + `]}`
	srv := newStub(t, always(reply{body: body}))
	c, _ := newTestClient(t, srv)
	got, err := c.AppSolutions(context.Background(), "9", SolutionQuery{Detailed: true, Role: RolePartner})
	byName := map[string]Solution{}
	for _, s := range got {
		byName[s.ID] = s
	}
	if err != nil || len(got) != 2 || len(byName["795033096057724"].Partners) != 1 || byName["17602267745700"].Partners[0].PartnerApp.Name != "Social Overdrive" {
		t.Fatalf("AppSolutions = %+v, %v", got, err)
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

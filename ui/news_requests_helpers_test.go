package ui

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"mps/graph/sandbox"
)

// mark is where the sandbox's request log stands, for requestsSince.
func mark(sb *sandbox.Sandbox) int { return len(sb.Requests()) }

// requestsSince is the Graph requests the sandbox logged after mark.
func requestsSince(sb *sandbox.Sandbox, mark int) []sandbox.Request { return sb.Requests()[mark:] }

// wantReads fails unless reqs are exactly one GET /{id} for each of ids, in
// any order, each asking for fields (when given).
func wantReads(t *testing.T, reqs []sandbox.Request, fields string, ids ...string) {
	t.Helper()
	var got []string
	for _, r := range reqs {
		q, _ := url.ParseQuery(r.RawQuery)
		id := r.Path[strings.LastIndexByte(r.Path, '/')+1:]
		if r.Method != "GET" || strings.Count(r.Path, "/") != 2 || (fields != "" && q.Get("fields") != fields) {
			t.Errorf("unexpected request %s %s?fields=%s", r.Method, r.Path, q.Get("fields"))
			continue
		}
		got = append(got, id)
	}
	want := slices.Clone(ids)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("%d Graph requests read %v, want one read of each of %v", len(reqs), got, want)
	}
}

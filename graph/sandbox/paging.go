package sandbox

import (
	"encoding/base64"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Paging limits, as Graph documents them.
const (
	DefaultPageSize = 25
	MaxPageSize     = 100
)

// ordinals is an ascending sequence of item ordinals to page through.
type ordinals interface {
	Len() int
	At(i int) int
}

// span is the ordinals 0..n-1.
type span int

func (n span) Len() int     { return int(n) }
func (n span) At(i int) int { return i }

type int32s []int32

func (s int32s) Len() int     { return len(s) }
func (s int32s) At(i int) int { return int(s[i]) }

// pageArgs are a request's limit, after and before.
type pageArgs struct {
	limit         int
	after, before int // ordinals, valid when the has- flags say so
	hasAfter      bool
	hasBefore     bool
}

func readPageArgs(params url.Values) (pageArgs, *apiError) {
	pa := pageArgs{limit: DefaultPageSize}
	if raw := params.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 {
			return pa, errInvalid("Param limit must be a non-negative integer")
		}
		pa.limit = clampLimit(n)
	}
	var err *apiError
	if raw := params.Get("after"); raw != "" {
		pa.after, err = decodeCursor("after", raw)
		pa.hasAfter = true
	}
	if raw := params.Get("before"); raw != "" && err == nil {
		pa.before, err = decodeCursor("before", raw)
		pa.hasBefore = true
	}
	return pa, err
}

// clampLimit applies Graph's rule: 0 means the default, more than the
// maximum means the maximum.
func clampLimit(n int) int {
	if n == 0 {
		return DefaultPageSize
	}
	return min(n, MaxPageSize)
}

const cursorPrefix = "sbx1:"

// encodeCursor makes an opaque cursor for an item ordinal.
func encodeCursor(ord int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(ord)))
}

func decodeCursor(param, raw string) (int, *apiError) {
	b, err := base64.RawURLEncoding.DecodeString(raw)
	text, ok := strings.CutPrefix(string(b), cursorPrefix)
	n, convErr := strconv.Atoi(text)
	if err != nil || !ok || convErr != nil || n < -1 { // -1: before the first item
		return 0, errInvalid("The %s cursor is not valid: use a cursor from a previous page's paging.cursors", param)
	}
	return n, nil
}

// window is one page: the ordinals on it, and whether items exist after
// and before it.
type window struct {
	ords    []int
	more    bool
	earlier bool
}

// paginate cuts a page out of src, keeping only the ordinals keep accepts
// (nil keeps all). It scans only as far as the page needs.
func paginate(src ordinals, keep func(int) bool, pa pageArgs) window {
	ok := func(i int) bool { return keep == nil || keep(src.At(i)) }
	n := src.Len()
	var win window
	if pa.hasBefore && !pa.hasAfter {
		end := sort.Search(n, func(i int) bool { return src.At(i) >= pa.before })
		i := end - 1
		for ; i >= 0 && len(win.ords) < pa.limit; i-- {
			if ok(i) {
				win.ords = append(win.ords, src.At(i))
			}
		}
		reverse(win.ords)
		win.more = end < n
		win.earlier = anyKept(i, -1, ok)
		return win
	}
	start := 0
	if pa.hasAfter {
		start = sort.Search(n, func(i int) bool { return src.At(i) > pa.after })
	}
	i := start
	for ; i < n && len(win.ords) < pa.limit; i++ {
		if ok(i) {
			win.ords = append(win.ords, src.At(i))
		}
	}
	win.more = anyKept(i, n, ok)
	win.earlier = start > 0 && anyKept(start-1, -1, ok)
	return win
}

// anyKept reports whether some position from i towards stop (exclusive) is kept.
func anyKept(i, stop int, ok func(int) bool) bool {
	step := 1
	if stop < i {
		step = -1
	}
	for ; i != stop; i += step {
		if ok(i) {
			return true
		}
	}
	return false
}

func reverse(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// pageLinks are the paging block's URLs: where a page's next and previous
// requests go, keeping the request's other parameters.
type pageLinks struct {
	base  string     // scheme://host, or the foreign host of FaultForeignNext
	path  string     // the edge's path, version included
	query url.Values // the parameters to carry (never the form body)
}

func (l pageLinks) url(param, cursor string, limit int) string {
	q := url.Values{}
	for k, v := range l.query {
		if k != "after" && k != "before" {
			q[k] = v
		}
	}
	q.Set("limit", strconv.Itoa(limit))
	q.Set(param, cursor)
	return l.base + l.path + "?" + q.Encode()
}

// envelope renders Graph's list shape. An empty page has no paging block.
func envelope(items []any, win window, links pageLinks, limit int) object {
	if items == nil {
		items = []any{}
	}
	out := object{{"data", items}}
	if len(win.ords) == 0 {
		return out
	}
	first, last := encodeCursor(win.ords[0]), encodeCursor(win.ords[len(win.ords)-1])
	paging := object{{"cursors", object{{"before", first}, {"after", last}}}}
	if win.more {
		paging = append(paging, member{"next", links.url("after", last, limit)})
	}
	if win.earlier {
		paging = append(paging, member{"previous", links.url("before", first, limit)})
	}
	return append(out, member{"paging", paging})
}

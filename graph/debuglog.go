package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// debugLog writes one line per HTTP exchange (WithDebugLog). Nothing
// secret goes in: no header, no body, and of the query only the parameters
// that steer a read; the others (appsecret_proof) are named, not shown.
type debugLog struct {
	mu sync.Mutex
	w  io.Writer
}

// WithDebugLog writes a line to w for every HTTP exchange: the time, the
// method, the path with the query's non-secret parameters, the status, the
// duration, the fbtrace_id and the retry number (0 for a first attempt).
// The token, appsecret_proof and the request bodies (input_token) are never
// written. A nil w writes nothing.
func WithDebugLog(w io.Writer) Option {
	return func(c *Client) error {
		if w != nil {
			c.debug = &debugLog{w: w}
		}
		return nil
	}
}

// debugShown says whether a query parameter is shown with its value: the
// ones that steer a read.
func debugShown(name string) bool {
	switch name {
	case "fields", "limit", "after", "before", "role", "filtering":
		return true
	}
	return false
}

// exchangeRecord is what one HTTP exchange did, as the debug log records it.
type exchangeRecord struct {
	at       time.Time
	duration time.Duration
	method   string
	url      *url.URL
	retry    int
	resp     *http.Response // nil when no answer came
	body     []byte
	err      error
}

// record writes the exchange's line; token is removed from it once more,
// as a second line of defence.
func (l *debugLog) record(x exchangeRecord, token string) {
	var b strings.Builder
	b.WriteString(x.at.UTC().Format("2006-01-02T15:04:05.000Z07:00"))
	b.WriteString(" " + x.method + " " + debugPath(x.url))
	if x.resp != nil {
		fmt.Fprintf(&b, " status=%d", x.resp.StatusCode)
	} else {
		b.WriteString(" status=-")
	}
	fmt.Fprintf(&b, " duration=%s", roundDuration(x.duration))
	if trace := fbTraceID(x.resp, x.body); trace != "" {
		fmt.Fprintf(&b, " fbtrace_id=%s", trace)
	}
	fmt.Fprintf(&b, " retry=%d", x.retry)
	if x.err != nil {
		fmt.Fprintf(&b, " error=%q", x.err.Error())
	}
	line := scrubTokens(redactToken(sanitize(b.String()), token)) + "\n"
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = io.WriteString(l.w, line)
}

// debugPath is the URL's path with the query's steering parameters; the
// others appear as name=[redacted].
func debugPath(u *url.URL) string {
	query := u.Query()
	if len(query) == 0 {
		return u.EscapedPath()
	}
	names := make([]string, 0, len(query))
	for name := range query {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, name := range names {
		value := redacted
		if debugShown(name) {
			value = readableEscape(query.Get(name))
		}
		parts = append(parts, url.QueryEscape(name)+"="+value)
	}
	return u.EscapedPath() + "?" + strings.Join(parts, "&")
}

// readableEscape is url.QueryEscape with the punctuation of field lists
// and filters left as it is, so that fields=id,name,owner_app{id} reads
// as written; spaces, '&', '=' and '%' stay escaped.
func readableEscape(s string) string {
	return strings.NewReplacer("%2C", ",", "%7B", "{", "%7D", "}", "%5B", "[", "%5D", "]", "%22", `"`, "%3A", ":").
		Replace(url.QueryEscape(s))
}

// fbTraceID is Graph's trace ID for the exchange: the error body's
// fbtrace_id, which is what Meta's support asks for, else the
// x-fb-trace-id header.
func fbTraceID(resp *http.Response, body []byte) string {
	var id string
	if bytes.Contains(body, []byte(`"fbtrace_id"`)) {
		var envelope struct {
			Error struct {
				FBTraceID string `json:"fbtrace_id"`
			} `json:"error"`
		}
		if json.Unmarshal(body, &envelope) == nil {
			id = envelope.Error.FBTraceID
		}
	}
	if id == "" && resp != nil {
		id = resp.Header.Get("X-Fb-Trace-Id")
	}
	return strings.Join(strings.Fields(shorten(id, 64)), "")
}

func roundDuration(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return d.Round(time.Millisecond)
}

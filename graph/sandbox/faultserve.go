package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// serveFault acts out a fault. It reports false when the call should then
// be answered normally (FaultLatency).
func (s *Sandbox) serveFault(w http.ResponseWriter, r *http.Request, body []byte, f Fault) bool {
	switch f.Kind {
	case FaultLatency:
		return !sleep(r.Context(), f.Latency)
	case FaultTransient:
		s.writeFault(w, errTransient(), nil)
	case FaultThrottleAppLevel:
		s.writeFault(w, errAppThrottled(), http.Header{"X-App-Usage": {appUsage(100, 100, 100)}})
	case FaultThrottleBUC:
		object := s.opts.BusinessID
		if segs := strings.Split(strings.Trim(r.URL.Path, "/"), "/"); len(segs) > 1 && allDigits(segs[1]) {
			object = segs[1]
		}
		s.writeFault(w, errBUCThrottled(), http.Header{"X-Business-Use-Case-Usage": {businessUsage(object, 100, f.RegainMinutes)}})
	case FaultExpiredToken:
		s.writeFault(w, errExpired(), nil)
	case FaultDropConnection:
		dropConnection(w)
	case FaultDropAfterApply:
		s.serveGraph(&bufferedResponse{header: http.Header{}}, r, body, "")
		dropConnection(w)
	case FaultTruncatedBody:
		buf := s.answerAside(w, r, body)
		w.Header().Set("Content-Length", strconv.Itoa(buf.body.Len()))
		w.WriteHeader(buf.status)
		w.Write(buf.body.Bytes()[:buf.body.Len()/2])
		http.NewResponseController(w).Flush()
		dropConnection(w)
	case FaultMalformedJSON:
		writeRaw(w, http.StatusOK, "application/json; charset=UTF-8", `{"data":[{"id":"17602267745700","name":"Social OVD`+"\x00"+`"status":ACTIVE}],"paging":{`)
	case FaultOversizedBody:
		writeOversized(w)
	case FaultHTMLErrorPage:
		writeRaw(w, http.StatusBadGateway, "text/html; charset=utf-8",
			"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
	case FaultForeignNext:
		s.serveGraph(w, r, body, foreignBase(f.ForeignHost))
	case FaultEmptyPage:
		s.writeJSON(w, http.StatusOK, emptyPageWithNext(r))
	case FaultExtraFields:
		buf := s.answerAside(w, r, body)
		w.WriteHeader(buf.status)
		w.Write(withExtraFields(buf.body.Bytes()))
	default:
		return false
	}
	return true
}

// answerAside answers the call into a buffer, for a fault to change, and
// copies the answer's headers to w.
func (s *Sandbox) answerAside(w http.ResponseWriter, r *http.Request, body []byte) *bufferedResponse {
	buf := &bufferedResponse{header: http.Header{}}
	s.serveGraph(buf, r, body, "")
	for k, v := range buf.header {
		w.Header()[k] = v
	}
	return buf
}

func (s *Sandbox) writeFault(w http.ResponseWriter, e *apiError, h http.Header) {
	for k, v := range h {
		w.Header()[k] = v
	}
	err := *e
	err.FBTraceID = s.traces.next()
	s.writeJSON(w, err.status, map[string]any{"error": &err})
}

func writeRaw(w http.ResponseWriter, status int, contentType, body string) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// writeOversized streams a valid JSON list padded to OversizedBodyBytes,
// without holding it in memory; it stops when the client goes away.
func writeOversized(w http.ResponseWriter) {
	const head, tail = `{"data":[],"padding":"`, `"}`
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(OversizedBodyBytes))
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, head)
	chunk := bytes.Repeat([]byte("x"), 64<<10)
	left := OversizedBodyBytes - len(head) - len(tail)
	for left > 0 {
		n := min(left, len(chunk))
		if _, err := w.Write(chunk[:n]); err != nil {
			return
		}
		left -= n
	}
	io.WriteString(w, tail)
}

// foreignBase turns Fault.ForeignHost into a URL base; by default a
// reserved name that never resolves.
func foreignBase(host string) string {
	host = strings.TrimRight(host, "/")
	if host == "" {
		host = "https://foreign.example"
	}
	if strings.Contains(host, "://") {
		return host
	}
	return "http://" + host
}

// dropConnection closes the client's connection without an answer. Over
// HTTP/1 it hijacks the connection; otherwise it aborts the handler, which
// net/http turns into a reset stream or a closed connection.
func dropConnection(w http.ResponseWriter) {
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		conn.Close()
		return
	}
	panic(http.ErrAbortHandler)
}

// bufferedResponse collects an answer that is then thrown away or cut short.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }
func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}
func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

// emptyPageWithNext is a page Graph sometimes sends: no items, yet a next
// that resumes from the request's own position.
func emptyPageWithNext(r *http.Request) object {
	query := r.URL.Query()
	at := query.Get("after")
	if at == "" {
		at = encodeCursor(-1)
	}
	limit := DefaultPageSize
	if n, err := strconv.Atoi(query.Get("limit")); err == nil {
		limit = clampLimit(max(n, 0))
	}
	links := pageLinks{base: ownBase(r), path: r.URL.Path, query: query}
	return object{{"data", []any{}}, {"paging", object{
		{"cursors", object{{"before", at}, {"after", at}}},
		{"next", links.url("after", at, limit)},
	}}}
}

// withExtraFields adds fields no client knows to every object of a JSON
// answer, as newer API versions do.
func withExtraFields(body []byte) []byte {
	var doc any
	if json.Unmarshal(body, &doc) != nil {
		return body
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, sub := range x {
				walk(sub)
			}
			x["sandbox_unknown_field"] = map[string]any{"added_in": "v99.0", "values": []any{1, "two", nil}}
			x["is_sandbox_extra"] = true
		case []any:
			for _, sub := range x {
				walk(sub)
			}
		}
	}
	walk(doc)
	out, err := json.Marshal(doc)
	if err != nil {
		return body
	}
	return out
}

package sandbox

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// maxRequestBody caps what the sandbox reads (and logs) of a request body.
const maxRequestBody = 1 << 20

// call is one Graph request being served.
type call struct {
	s       *Sandbox
	r       *http.Request
	world   *world // valid while s.mu is held
	method  string // after a method=GET override
	version string // "v25.0"
	segs    []string
	params  url.Values // query and form body together
	query   url.Values // query alone: what next links carry
	base    string     // scheme://host for paging links
	header  http.Header
	// appToken says the call came with the app access token {app-id}|{app-secret}.
	appToken bool
}

// ServeHTTP implements http.Handler.
func (s *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, controlPrefix) {
		s.serveControl(w, r)
		return
	}
	body := readBody(r)
	s.log.add(Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery,
		Header: r.Header.Clone(), Body: string(body), At: s.opts.Now()})
	if !sleep(r.Context(), s.opts.Latency) {
		return
	}
	if f, ok := s.faults.take(r.Method, r.URL.Path, r.URL.Query()); ok && s.serveFault(w, r, body, f) {
		return
	}
	s.serveGraph(w, r, body, "")
}

// sleep waits d, or less when ctx ends first; it reports whether the full
// time passed.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// versionPattern matches the version segment of Graph's /vNN.N/ prefix.
func versionPattern() *regexp.Regexp { return regexp.MustCompile(`^v[0-9]{1,3}\.[0-9]{1,2}$`) }

// serveGraph answers a Graph call. nextBase, when set, replaces the
// sandbox's own scheme://host in paging links.
func (s *Sandbox) serveGraph(w http.ResponseWriter, r *http.Request, body []byte, nextBase string) {
	c := &call{s: s, r: r, method: r.Method, header: w.Header()}
	status, out := c.answer(body, nextBase)
	s.writeJSON(w, status, out)
}

func (c *call) answer(body []byte, nextBase string) (int, any) {
	s := c.s
	segs := strings.Split(strings.Trim(c.r.URL.Path, "/"), "/")
	if len(segs) < 2 || !s.versionRE.MatchString(segs[0]) {
		return c.fail(errInvalid("Unknown path components: a Graph API version prefix such as /v25.0/ is required"))
	}
	c.version, c.segs = segs[0], segs[1:]
	c.header.Set("Facebook-API-Version", c.version)
	c.query = c.r.URL.Query()
	c.params = c.r.URL.Query()
	if form, err := url.ParseQuery(string(body)); err == nil && c.r.Method == http.MethodPost && isForm(c.r) {
		for k, v := range form {
			c.params[k] = append(c.params[k], v...)
		}
	}
	if c.r.Method == http.MethodPost && strings.EqualFold(c.params.Get("method"), http.MethodGet) {
		c.method = http.MethodGet
	}
	c.base = nextBase
	if c.base == "" {
		c.base = ownBase(c.r)
	}
	if err := c.authenticate(); err != nil {
		return c.fail(err)
	}
	s.countCall(c)
	out, err := c.route()
	if err != nil {
		return c.fail(err)
	}
	return http.StatusOK, out
}

func isForm(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded")
}

// authenticate accepts the token from the Authorization header or, as
// Graph does, from an access_token parameter (which the log then shows).
func (c *call) authenticate() *apiError {
	token := ""
	if h := c.r.Header.Get("Authorization"); h != "" {
		scheme, rest, _ := strings.Cut(h, " ")
		if !strings.EqualFold(scheme, "Bearer") && !strings.EqualFold(scheme, "OAuth") {
			return errToken("Invalid OAuth access token - Cannot parse access token")
		}
		token = strings.TrimSpace(rest)
	} else {
		token = c.params.Get("access_token")
	}
	if token == "" {
		return errToken("An access token is required to request this resource.")
	}
	c.appToken = hmac.Equal([]byte(token), []byte(c.s.AppAccessToken()))
	if !c.appToken && !hmac.Equal([]byte(token), []byte(c.s.opts.Token)) {
		return errToken("Invalid OAuth access token - Cannot parse access token")
	}
	if c.s.opts.AppSecret == "" {
		return nil
	}
	mac := hmac.New(sha256.New, []byte(c.s.opts.AppSecret))
	mac.Write([]byte(token))
	want := hex.EncodeToString(mac.Sum(nil))
	got := c.params.Get("appsecret_proof")
	if got == "" {
		return errInvalid("API calls from the server require an appsecret_proof argument")
	}
	if !hmac.Equal([]byte(strings.ToLower(got)), []byte(want)) {
		return errInvalid("Invalid appsecret_proof provided in the API argument")
	}
	return nil
}

func (c *call) fail(err *apiError) (int, any) {
	e := *err
	e.FBTraceID = c.s.traces.next()
	return e.status, map[string]any{"error": &e}
}

func (s *Sandbox) writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := appendJSON(make([]byte, 0, 4096), v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"error":{"message":"sandbox could not encode its answer","type":"GraphMethodException","code":1}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=UTF-8")
	h.Set("X-FB-Trace-ID", s.traces.next())
	w.WriteHeader(status)
	w.Write(body)
}

// ownBase is the scheme and host the request reached the sandbox on.
func ownBase(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// readBody reads up to maxRequestBody of the request's body.
func readBody(r *http.Request) []byte {
	if r.Body == nil {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxRequestBody))
	return body
}

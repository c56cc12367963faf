package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"testing"
)

func TestErrorClass(t *testing.T) {
	cases := []struct {
		name string
		err  *Error
		want Class
	}{
		{"190 over 400 is auth", &Error{Code: 190, Subcode: 463, HTTPStatus: 400}, ClassAuth},
		{"190 over 500 is still auth", &Error{Code: 190, HTTPStatus: 500}, ClassAuth},
		{"102 session", &Error{Code: 102, HTTPStatus: 400}, ClassAuth},
		{"0 OAuthException", &Error{Code: 0, Type: "OAuthException", HTTPStatus: 400}, ClassAuth},
		{"4 over 403 is throttled", &Error{Code: 4, HTTPStatus: 403}, ClassThrottled},
		{"17 user limit", &Error{Code: 17, HTTPStatus: 400}, ClassThrottled},
		{"32 page limit", &Error{Code: 32}, ClassThrottled},
		{"613", &Error{Code: 613}, ClassThrottled},
		{"80008 WhatsApp business management", &Error{Code: 80008, HTTPStatus: 400}, ClassThrottled},
		{"80000 lower bound", &Error{Code: 80000}, ClassThrottled},
		{"80014 upper bound", &Error{Code: 80014}, ClassThrottled},
		{"80015 is outside the range", &Error{Code: 80015, HTTPStatus: 400}, ClassUnknown},
		{"130429 cloud API", &Error{Code: 130429}, ClassThrottled},
		{"throttling wins over is_transient", &Error{Code: 4, IsTransient: true}, ClassThrottled},
		{"1 unknown error", &Error{Code: 1, HTTPStatus: 500}, ClassTransient},
		{"2 service unavailable over 400", &Error{Code: 2, HTTPStatus: 400}, ClassTransient},
		{"is_transient on another code", &Error{Code: 100, IsTransient: true, HTTPStatus: 400}, ClassTransient},
		{"10 permission", &Error{Code: 10, HTTPStatus: 403}, ClassPermission},
		{"200 permission", &Error{Code: 200, HTTPStatus: 403}, ClassPermission},
		{"299 permission", &Error{Code: 299}, ClassPermission},
		{"3 capability", &Error{Code: 3}, ClassPermission},
		{"100/33 no such object over 400", &Error{Code: 100, Subcode: 33, HTTPStatus: 400}, ClassInvalid},
		{"100 over 500 is invalid, not transient", &Error{Code: 100, HTTPStatus: 500}, ClassInvalid},
		{"803", &Error{Code: 803, HTTPStatus: 404}, ClassInvalid},
		{"2500", &Error{Code: 2500}, ClassInvalid},
		{"unknown code over 5xx is transient", &Error{Code: 12345, HTTPStatus: 503}, ClassTransient},
		{"unknown code over 400", &Error{Code: 12345, HTTPStatus: 400}, ClassUnknown},
		{"unknown code over 403 is not permission", &Error{Code: 12345, HTTPStatus: 403}, ClassUnknown},
		{"code 0 without OAuthException", &Error{Code: 0, Type: "GraphMethodException", HTTPStatus: 400}, ClassUnknown},
	}
	for _, c := range cases {
		if got := c.err.Class(); got != c.want {
			t.Errorf("%s: Class = %v, want %v", c.name, got, c.want)
		}
		if got := ClassOf(fmt.Errorf("wrapped: %w", c.err)); got != c.want {
			t.Errorf("%s: ClassOf(wrapped) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestClassOfOtherErrors(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want Class
	}{
		{"nil", nil, ClassUnknown},
		{"plain", errors.New("boom"), ClassUnknown},
		{"network", &NetError{msg: "x", err: syscall.ECONNRESET}, ClassTransient},
		{"no token", &tokenError{errors.New("keyring locked")}, ClassAuth},
		{"bad ID", checkID("solution", "12a"), ClassInvalid},
		{"proxy 502 page", &BodyError{HTTPStatus: 502, ContentType: "text/html"}, ClassTransient},
		{"proxy 429 page", &BodyError{HTTPStatus: 429}, ClassThrottled},
		{"proxy 401 page", &BodyError{HTTPStatus: 401}, ClassAuth},
		{"malformed 200", &BodyError{HTTPStatus: 200}, ClassUnknown},
		{"unknown outcome hides a transient cause", &OutcomeUnknownError{Err: &Error{Code: 2, HTTPStatus: 500}}, ClassUnknown},
		{"caller cancelled", context.Canceled, ClassUnknown},
	}
	for _, c := range cases {
		if got := ClassOf(c.err); got != c.want {
			t.Errorf("%s: ClassOf = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestDecodeFailures feeds the answers proxies and broken servers give and
// checks the client's error for each.
func TestDecodeFailures(t *testing.T) {
	cases := []struct {
		name        string
		rep         reply
		class       Class
		wantInError []string
	}{
		{"HTML page from a proxy", reply{status: 502, header: map[string]string{"Content-Type": "text/html"},
			body: "<html><body><h1>502 Bad Gateway</h1></body></html>"},
			ClassTransient, []string{"HTTP 502", "not JSON", "text/html"}},
		{"HTML with 200", reply{header: map[string]string{"Content-Type": "text/html"}, body: "<html>captive portal</html>"},
			ClassUnknown, []string{"HTTP 200", "not valid JSON", "text/html"}},
		{"malformed JSON", reply{body: `{"data": [ {"id": "1",`}, ClassUnknown, []string{"not valid JSON"}},
		{"wrong shape", reply{body: `{"id": 5, "name": "x"}`}, ClassUnknown, []string{"expected shape"}},
		{"empty 200", reply{body: ""}, ClassUnknown, []string{"empty"}},
		{"JSON 404 without error object", reply{status: 404, body: `{"nope":1}`}, ClassUnknown, []string{"HTTP 404", "no Graph error object"}},
		{"redirect", reply{status: 302, header: map[string]string{"Location": "https://elsewhere.example/"}}, ClassUnknown, []string{"redirect"}},
		{"error object as a string", reply{status: 400, body: `{"error":"bad things"}`}, ClassUnknown, []string{"bad things"}},
		{"error fields of odd types", reply{status: 400, body: `{"error":{"message":"expired","code":"190","error_subcode":463.0,"is_transient":"false"}}`},
			ClassAuth, []string{"190/463", "expired"}},
		{"error with escape sequences", reply{status: 400, body: `{"error":{"message":"bad \u001b[31mred\u001b[0m\r\nline","code":100}}`},
			ClassInvalid, []string{"bad  [31mred [0m  line"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := newStub(t, always(c.rep))
			c2, _ := newTestClient(t, srv, WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
			_, err := c2.Solution(context.Background(), "123")
			if err == nil {
				t.Fatal("no error")
			}
			if got := ClassOf(err); got != c.class {
				t.Errorf("class = %v, want %v (%v)", got, c.class, err)
			}
			for _, want := range c.wantInError {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
			if strings.ContainsAny(err.Error(), "\x1b\r\n") {
				t.Errorf("error text carries control characters: %q", err)
			}
		})
	}
}

func TestOversizedBody(t *testing.T) {
	big := `{"data":[` + strings.Repeat(`{"id":"1","name":"xxxxxxxxxxxxxxxx"},`, maxBodyBytes/30) + `{"id":"2"}]}`
	srv := newStub(t, always(reply{body: big}))
	c, _ := newTestClient(t, srv)
	_, err := c.AppSolutions(context.Background(), "1", SolutionQuery{Role: RoleOwner})
	if err == nil || !strings.Contains(err.Error(), "response too large") {
		t.Fatalf("err = %v, want response too large", err)
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("an oversized answer was retried: %d requests", n)
	}
}

func TestGraphErrorFieldsSurvive(t *testing.T) {
	body := `{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":33,
		"error_user_title":"Oops","error_user_msg":"That object is gone","fbtrace_id":"AxYz","is_transient":false,
		"error_data":{"blame_field_specs":[["id"]]}}}`
	srv := newStub(t, always(reply{status: 400, body: body}))
	c, _ := newTestClient(t, srv)
	_, err := c.Solution(context.Background(), "123")
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("err = %T %v, want *Error", err, err)
	}
	if ge.HTTPStatus != 400 || ge.Code != 100 || ge.Subcode != 33 || ge.Type != "OAuthException" || ge.UserTitle != "Oops" ||
		ge.UserMessage != "That object is gone" || ge.FBTraceID != "AxYz" || ge.ErrorData == nil || ge.Message != "Invalid parameter" {
		t.Errorf("fields lost: %+v", ge)
	}
	if !strings.Contains(ge.Error(), "fbtrace_id AxYz") || !strings.Contains(ge.Hint(), "does not exist") {
		t.Errorf("Error() = %q, Hint() = %q", ge.Error(), ge.Hint())
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("an invalid request was retried: %d requests", n)
	}
}

func TestHints(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&Error{Code: 190, Subcode: 463}, "mps login"},
		{&Error{Code: 190}, "MPS_TOKEN"},
		{&tokenError{}, "mps login"},
		{&Error{Code: 80008, RetryAfter: 0}, "wait a few minutes"},
		{&Error{Code: 4, RetryAfter: 180_000_000_000}, "wait about 3m0s"},
		{&Error{Code: 200}, "lacks the whatsapp_business_management permission"},
		{&Error{Code: 10, Message: "(#10) Requires whatsapp_business_messaging permission"}, "lacks the whatsapp_business_messaging permission"},
		{&Error{Code: 2}, "try again"},
		{&OutcomeUnknownError{Err: io.ErrUnexpectedEOF}, "read the solution again"},
		{checkID("app", "x"), "numeric ID"},
		{&NetError{msg: "x", err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}, "network"},
	}
	for _, c := range cases {
		if got := Hint(c.err); !strings.Contains(got, c.want) {
			t.Errorf("Hint(%v) = %q, want it to mention %q", c.err, got, c.want)
		}
	}
}

func TestValidID(t *testing.T) {
	for _, id := range []string{"1", "795033096057724", strings.Repeat("9", 32)} {
		if !ValidID(id) {
			t.Errorf("ValidID(%q) = false", id)
		}
	}
	for _, id := range []string{"", " 1", "1 ", "12a", "-1", "1.0", "../me", "me", "１２", strings.Repeat("9", 33), "1/accept", "1?x=2", "1%2F2"} {
		if ValidID(id) {
			t.Errorf("ValidID(%q) = true", id)
		}
	}
	err := checkID("solution", "12\x1b[2J34")
	if err == nil || !strings.Contains(err.Error(), "not a valid solution ID") || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("checkID error = %q", err)
	}
}

func TestBadIDsNeverReachTheServer(t *testing.T) {
	srv := newStub(t, always(reply{body: `{"data":[]}`}))
	c, _ := newTestClient(t, srv)
	ctx := context.Background()
	bad := "1/../../me"
	_, errs := c.Solution(ctx, bad)
	var all []error
	all = append(all, errs)
	_, err := c.AppSolutions(ctx, bad, SolutionQuery{})
	all = append(all, err)
	_, err = c.Partners(ctx, bad)
	all = append(all, err)
	_, err = c.WABASolutions(ctx, bad)
	all = append(all, err)
	_, err = c.ClientWABAs(ctx, "1", []string{"2", bad})
	all = append(all, err)
	_, err = c.PostAction(ctx, bad, ActionAccept)
	all = append(all, err)
	for i, err := range all {
		var idErr *InvalidIDError
		if !errors.As(err, &idErr) || IsUnknownOutcome(err) || !strings.Contains(err.Error(), bad) {
			t.Errorf("call %d: err = %v, want an InvalidIDError naming %q", i, err, bad)
		}
	}
	if n := len(srv.requests()); n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
	if _, err := c.PostAction(ctx, "1", Action(42)); err == nil {
		t.Error("an unknown action was accepted")
	}
}

func TestNewOptions(t *testing.T) {
	bad := []Option{
		WithBaseURL("ftp://x"), WithBaseURL("graph.facebook.com"), WithBaseURL("https://user:pw@host"),
		WithBaseURL("https://host/?access_token=x"), WithAPIVersion("25.0"), WithAPIVersion("v25"), WithAPIVersion("v25.0/../x"),
		WithTokenSource(nil), WithHTTPClient(nil), WithClock(nil), WithRetryPolicy(RetryPolicy{}),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: -1}),
	}
	for i, opt := range bad {
		if _, err := New(opt); err == nil {
			t.Errorf("option %d was accepted", i)
		}
	}
	c, err := New(WithBaseURL("http://127.0.0.1:1/prefix/"), WithAPIVersion("v23.0"))
	if err != nil || c.BaseURL() != "http://127.0.0.1:1/prefix" || c.APIVersion() != "v23.0" {
		t.Fatalf("New = %v, %v", c, err)
	}
	d, _ := New()
	if d.BaseURL() != DefaultBaseURL || d.APIVersion() != DefaultAPIVersion || d.timeout != DefaultTimeout {
		t.Errorf("defaults: %s %s timeout %v", d.BaseURL(), d.APIVersion(), d.timeout)
	}
	if _, err := d.Me(context.Background()); ClassOf(err) != ClassAuth || !strings.Contains(Hint(err), "mps login") {
		t.Errorf("without a token source: %v (%v)", err, ClassOf(err))
	}
}

func TestBaseURLPrefixAndVersion(t *testing.T) {
	srv := newStub(t, always(reply{body: `{"id":"5","name":"Me"}`}))
	c, _ := newTestClient(t, srv, WithBaseURL(srv.URL+"/graph/"), WithAPIVersion("v24.0"))
	if _, err := c.Me(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.requests()[0].Path; got != "/graph/v24.0/me" {
		t.Errorf("path = %q", got)
	}
}

func TestAppSecretProof(t *testing.T) {
	srv := newStub(t, always(reply{body: `{"id":"5"}`}))
	c, _ := newTestClient(t, srv, WithAppSecret("s3cret"))
	if _, err := c.Me(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PostAction(context.Background(), "7", ActionAccept); err != nil {
		t.Fatal(err)
	}
	// echo -n "$token" | openssl dgst -sha256 -hmac s3cret, computed independently of appSecretProof.
	const want = "c22752a2767f452c8584953bdc223677e6fd93e52a0fcbbc86c5ecc1d97edd19"
	for _, r := range srv.requests() {
		proof := query(t, r.RawQuery).Get("appsecret_proof")
		if proof != want {
			t.Errorf("%s %s: appsecret_proof = %q", r.Method, r.Path, proof)
		}
	}
	plain := newStub(t, always(reply{body: `{"id":"5"}`}))
	c2, _ := newTestClient(t, plain)
	if _, err := c2.Me(context.Background()); err != nil {
		t.Fatal(err)
	}
	if q := plain.requests()[0].RawQuery; strings.Contains(q, "appsecret_proof") {
		t.Errorf("proof sent without a secret: %s", q)
	}
}

func TestErrorText(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&Error{Code: 190, Subcode: 463, Type: "OAuthException", HTTPStatus: 400, Message: "Session has expired", FBTraceID: "Ab1"},
			"Graph error 190/463 (OAuthException, HTTP 400): Session has expired [fbtrace_id Ab1]"},
		{&Error{Code: 100, Message: "Invalid parameter", UserMessage: "Name too long"},
			"Graph error 100: Invalid parameter (Name too long)"},
		{&Error{Code: 100, Message: "Same", UserMessage: "Same"}, "Graph error 100: Same"},
		{&OutcomeUnknownError{Action: Action(99), SolutionID: "5", Err: io.ErrUnexpectedEOF},
			"graph: the action on solution 5: outcome unknown: read the solution again before retrying (unexpected EOF)"},
		{&BodyError{HTTPStatus: 502, ContentType: "text/html", Problem: "the response was not JSON"},
			"graph: HTTP 502: the response was not JSON (it was text/html, perhaps an error page from a proxy)"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q\n want %q", got, c.want)
		}
	}
}

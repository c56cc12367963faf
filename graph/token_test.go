package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// assertNoToken fails when token shows in any rendering of err.
func assertNoToken(t *testing.T, name string, err error, token string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", name)
		return
	}
	assertNoTokenIfAny(t, name, err, token)
}

func assertNoTokenIfAny(t *testing.T, name string, err error, token string) {
	t.Helper()
	for _, format := range []string{"%v", "%+v", "%s", "%#v"} {
		if text := fmt.Sprintf(format, err); strings.Contains(text, token) {
			t.Errorf("%s: %s shows the token: %s", name, format, text)
		}
	}
	if hint := Hint(err); strings.Contains(hint, token) {
		t.Errorf("%s: hint shows the token", name)
	}
}

func TestTokenNeverInURLsOrErrors(t *testing.T) {
	for _, token := range []string{testToken, "sandbox-secret-token-42"} {
		echo := func(int, *http.Request) reply {
			return reply{status: 400, body: fmt.Sprintf(`{"error":{"message":"Malformed access token %s","type":"OAuthException","code":190,`+
				`"error_user_msg":"token %s","fbtrace_id":"x","error_data":{"token":%q}}}`, token, token, token)}
		}
		cases := []struct {
			name    string
			respond func(int, *http.Request) reply
		}{
			{"Graph error echoing the token", echo},
			{"HTML page echoing the token", always(reply{status: 502, header: map[string]string{"Content-Type": "text/html"}, body: "<p>" + token + "</p>"})},
			{"malformed JSON with the token", always(reply{body: `{"id": "` + token})},
			{"wrong shape with the token", always(reply{body: `{"id": {"` + token + `": 1}}`})},
			{"dropped connection", always(reply{drop: true})},
			{"throttled", always(reply{status: 403, body: graphErrorBody(4, 0, "limit for "+token)})},
		}
		for _, c := range cases {
			srv := newStub(t, c.respond)
			cl, _ := newTestClient(t, srv, WithTokenSource(staticToken(token)), WithAppSecret("secret"))
			ctx := context.Background()
			_, err := cl.Solution(ctx, "123")
			assertNoToken(t, c.name+"/Solution", err, token)
			// A wrong-shaped body can still be a valid empty page or an
			// action success; only errors are checked for these two.
			_, err = cl.AppSolutions(ctx, "9", SolutionQuery{Detailed: true})
			assertNoTokenIfAny(t, c.name+"/AppSolutions", err, token)
			_, err = cl.PostAction(ctx, "123", ActionAccept)
			assertNoTokenIfAny(t, c.name+"/PostAction", err, token)
			_, err = cl.DebugToken(ctx)
			assertNoToken(t, c.name+"/DebugToken", err, token)
			for _, r := range srv.requests() {
				if strings.Contains(r.Path, token) || strings.Contains(r.RawQuery, token) {
					t.Errorf("%s: token in URL %s?%s", c.name, r.Path, r.RawQuery)
				}
				if r.Auth != "Bearer "+token {
					t.Errorf("%s: Authorization = %q", c.name, r.Auth)
				}
			}
			var ge *Error
			if errors.As(err, &ge) && strings.Contains(fmt.Sprint(ge.ErrorData), token) {
				t.Errorf("%s: error_data keeps the token", c.name)
			}
		}
	}
}

func TestTokenNotInNetworkOrSourceErrors(t *testing.T) {
	srv := newStub(t, always(reply{}))
	srv.Close()
	cl, _ := newTestClient(t, srv)
	_, err := cl.Me(context.Background())
	assertNoToken(t, "connection refused", err, testToken)

	slow := newStub(t, func(int, *http.Request) reply { time.Sleep(300 * time.Millisecond); return reply{body: "{}"} })
	cl, _ = newTestClient(t, slow, WithHTTPClient(&http.Client{Timeout: 50 * time.Millisecond}), WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
	_, err = cl.Me(context.Background())
	assertNoToken(t, "timeout", err, testToken)

	cl, _ = newTestClient(t, srv, WithTokenSource(func(context.Context) (string, error) {
		return "", errors.New("keyring said: stored value " + testToken + " is locked")
	}))
	_, err = cl.Me(context.Background())
	assertNoToken(t, "token source error", err, testToken)

	cl, _ = newTestClient(t, srv, WithTokenSource(staticToken("EAAJ bad token\x1b")))
	_, err = cl.Me(context.Background())
	if ClassOf(err) != ClassAuth || !strings.Contains(err.Error(), "spaces or control characters") {
		t.Errorf("bad token: %v", err)
	}
	assertNoToken(t, "bad token", err, "EAAJ bad token")
}

func TestDebugTokenKeepsTheTokenInTheBody(t *testing.T) {
	srv := newStub(t, always(reply{body: `{"data":{"app_id":"21202248997039","type":"SYSTEM_USER","application":"Lucky Shrub",` +
		`"expires_at":0,"is_valid":true,"scopes":["whatsapp_business_management"],"granular_scopes":[{"scope":"whatsapp_business_management","target_ids":["1","2"]}],"user_id":"55"}}`}))
	cl, _ := newTestClient(t, srv)
	info, err := cl.DebugToken(context.Background())
	if err != nil || info.AppID != "21202248997039" || !info.IsValid || info.Type != "SYSTEM_USER" || len(info.Granular) != 1 || len(info.Granular[0].TargetIDs) != 2 {
		t.Fatalf("DebugToken = %+v, %v", info, err)
	}
	r := srv.requests()[0]
	form := query(t, r.Body)
	if r.Method != http.MethodPost || r.Path != "/v25.0/debug_token" || form.Get("method") != "GET" ||
		form.Get("input_token") != testToken || r.ContentType != "application/x-www-form-urlencoded" {
		t.Errorf("request = %+v", r)
	}
	if strings.Contains(r.RawQuery, testToken) {
		t.Errorf("token in the URL: %s", r.RawQuery)
	}

	retried := newStub(t, sequence(transient500(), reply{body: `{"data":{"is_valid":false}}`}))
	cl, _ = newTestClient(t, retried)
	if info, err := cl.DebugToken(context.Background()); err != nil || info.IsValid {
		t.Errorf("DebugToken after a transient fault = %+v, %v", info, err)
	}
	if n := len(retried.requests()); n != 2 {
		t.Errorf("debug_token is a read and should be retried: %d requests", n)
	}
	empty := newStub(t, always(reply{body: `{}`}))
	cl, _ = newTestClient(t, empty)
	if _, err := cl.DebugToken(context.Background()); err == nil {
		t.Error("an answer without data was accepted")
	}
}

func TestMe(t *testing.T) {
	srv := newStub(t, always(reply{body: `{"id":"55","name":"Ops Bot"}`}))
	cl, _ := newTestClient(t, srv)
	me, err := cl.Me(context.Background())
	if err != nil || *me != (Me{ID: "55", Name: "Ops Bot"}) {
		t.Fatalf("Me = %+v, %v", me, err)
	}
	if r := srv.requests()[0]; r.Path != "/v25.0/me" || r.Method != http.MethodGet {
		t.Errorf("request = %+v", r)
	}
}

func TestScrubTokens(t *testing.T) {
	cases := map[string]string{
		"plain text":            "plain text",
		"EAA short":             "EAA short",
		"x " + testToken + " y": "x [redacted] y",
		testToken + testToken[:30] + "!EAAB" + "": "[redacted]!EAAB",
	}
	for in, want := range cases {
		if got := scrubTokens(in); got != want {
			t.Errorf("scrubTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestActionSuccessShapes(t *testing.T) {
	cases := []struct {
		name, body string
		message    string
		solution   bool
	}{
		{"guide", readGuide(t, "accept_success.json"), "", false},
		{"solution object", `{"id":"123","name":"S","status":"DEACTIVATED","status_for_pending_request":"NONE","owner_permissions":["MANAGE"]}`, "", true},
		{"v23 accept", `{"solution_id":"123","partner_status":"ACCEPTED","success":true,"message":"Solution accepted","update_time":"2025-06-01T00:00:00+0000"}`, "Solution accepted", false},
		{"v23 deactivation", `{"success":true,"message":"Request sent","request_id":"987"}`, "Request sent", false},
		{"empty body", ``, "", false},
		{"bare true", `true`, "", false},
		{"unknown extra fields", `{"ok":"yes","new_field":[1,2]}`, "", false},
	}
	for _, c := range cases {
		for _, a := range AllActions() {
			srv := newStub(t, always(reply{body: c.body}))
			cl, _ := newTestClient(t, srv)
			res, err := cl.PostAction(context.Background(), "123", a)
			if err != nil || !res.Success || res.Message != c.message || (res.Solution != nil) != c.solution || string(res.Raw) != c.body {
				t.Fatalf("%s/%v: PostAction = %+v, %v", c.name, a, res, err)
			}
			if c.solution && res.Solution.State() != StateDeactivated {
				t.Errorf("%s: solution = %+v", c.name, res.Solution)
			}
			reqs := srv.requests()
			if len(reqs) != 1 {
				t.Fatalf("%s/%v: %d requests", c.name, a, len(reqs))
			}
			r := reqs[0]
			if r.Method != http.MethodPost || r.Path != "/v25.0/123/"+a.Edge() || r.Body != "" || r.Auth != "Bearer "+testToken {
				t.Errorf("%s/%v: request = %+v", c.name, a, r)
			}
		}
	}
}

// TestActionOutcomes checks what each failure after sending means, and that
// the POST is sent exactly once in every case.
func TestActionOutcomes(t *testing.T) {
	cases := []struct {
		name    string
		rep     reply
		unknown bool
		class   Class
	}{
		{"5xx Graph error", transient500(), true, ClassUnknown},
		{"500 with a non-transient code", reply{status: 500, body: graphErrorBody(100, 0, "oops")}, true, ClassUnknown},
		{"transient code over 400", reply{status: 400, body: `{"error":{"message":"x","code":2}}`}, true, ClassUnknown},
		{"proxy HTML 502", reply{status: 502, header: map[string]string{"Content-Type": "text/html"}, body: "<html>bad gateway</html>"}, true, ClassUnknown},
		{"unreadable 200", reply{body: "<html>ok?</html>"}, true, ClassUnknown},
		{"success false", reply{body: `{"success":false}`}, true, ClassUnknown},
		{"dropped after arrival", reply{drop: true}, true, ClassUnknown},
		{"refused: wrong state", reply{status: 400, body: graphErrorBody(100, 0, "Solution is not in a state to accept")}, false, ClassInvalid},
		{"refused: expired token", reply{status: 400, body: graphErrorBody(190, 463, "Session has expired")}, false, ClassAuth},
		{"refused: throttled", reply{status: 403, body: graphErrorBody(4, 0, "Application request limit reached")}, false, ClassThrottled},
		{"refused: permission", reply{status: 403, body: graphErrorBody(200, 0, "Permissions error")}, false, ClassPermission},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := newStub(t, always(c.rep))
			cl, clock := newTestClient(t, srv)
			res, err := cl.PostAction(context.Background(), "123", ActionAccept)
			if err == nil || res != nil {
				t.Fatalf("PostAction = %+v, %v; want an error", res, err)
			}
			if IsUnknownOutcome(err) != c.unknown || ClassOf(err) != c.class {
				t.Errorf("err = %v: unknown=%v class=%v, want unknown=%v class=%v", err, IsUnknownOutcome(err), ClassOf(err), c.unknown, c.class)
			}
			if c.unknown && !strings.Contains(err.Error(), "outcome unknown: read the solution again before retrying") {
				t.Errorf("message = %q", err)
			}
			if n := len(srv.requests()); n != 1 {
				t.Errorf("POST sent %d times, want exactly once", n)
			}
			if w := clock.Waits(); len(w) != 0 {
				t.Errorf("an action waited to retry: %v", w)
			}
		})
	}
}

func TestActionTimeoutAfterSendingIsUnknown(t *testing.T) {
	release := make(chan struct{})
	srv := newStub(t, func(int, *http.Request) reply {
		<-release
		return reply{body: `{"success":true}`}
	})
	t.Cleanup(func() { close(release) })
	cl, _ := newTestClient(t, srv, WithHTTPClient(&http.Client{Timeout: 200 * time.Millisecond}))
	_, err := cl.PostAction(context.Background(), "123", ActionRequestDeactivation)
	if !IsUnknownOutcome(err) || !strings.Contains(err.Error(), "deactivate on solution 123") {
		t.Fatalf("err = %v, want an unknown outcome", err)
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("POST sent %d times", n)
	}
}

func TestActionNotSentIsNotUnknown(t *testing.T) {
	t.Run("no token", func(t *testing.T) {
		srv := newStub(t, always(reply{body: `{"success":true}`}))
		cl, _ := newTestClient(t, srv, WithTokenSource(func(context.Context) (string, error) {
			return "", errors.New("no keyring entry for profile default")
		}))
		_, err := cl.PostAction(context.Background(), "123", ActionAccept)
		if err == nil || IsUnknownOutcome(err) || ClassOf(err) != ClassAuth || len(srv.requests()) != 0 {
			t.Fatalf("err = %v (class %v), %d requests", err, ClassOf(err), len(srv.requests()))
		}
	})
	t.Run("connection refused", func(t *testing.T) {
		srv := newStub(t, always(reply{}))
		cl, _ := newTestClient(t, srv)
		srv.Close()
		_, err := cl.PostAction(context.Background(), "123", ActionAccept)
		if err == nil || IsUnknownOutcome(err) || ClassOf(err) != ClassTransient {
			t.Fatalf("err = %v, want a plain network error", err)
		}
	})
	t.Run("cancelled before", func(t *testing.T) {
		srv := newStub(t, always(reply{}))
		cl, _ := newTestClient(t, srv)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := cl.PostAction(ctx, "123", ActionAccept)
		if !errors.Is(err, context.Canceled) || IsUnknownOutcome(err) || len(srv.requests()) != 0 {
			t.Fatalf("err = %v", err)
		}
	})
}
